using System.Text.RegularExpressions;
using EvidenceHub.Extraction.Coverage;
using EvidenceHub.Extraction.Tests.Publishing;

namespace EvidenceHub.Extraction.Tests.Transcripts;

/// <summary>
/// Real select-committee transcripts (shared/corpus/transcripts, with the turns others parsed by hand): every turn
/// found keeps its question number and its speaker, and the words of each file are in its passages. Skipped where the
/// corpus is not beside the work tree.
/// </summary>
[TestClass]
public sealed partial class SelectCommitteeCorpusTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void PublicAccountsCommitteeTextKeepsSpeakersQuestionsAndWords()
    {
        var folder = Folder("pac");
        var speakers = new Score();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            // A turn's text may run over several lines; each row starts with its question number (or NA).
            var rows = RowStart().Split(File.ReadAllText(Path.ChangeExtension(file, null) + ".rows.tsv")).Skip(1)
                .Select(l => l.Split('\t', 3)).Where(c => c.Length == 3)
                .Select(c => new Row(c[0] == "NA" ? null : "Q" + c[0].TrimStart('Q'), c[1], WithoutLabel(c[2], c[1]))).ToList();
            var document = Extract(file, DocumentType.Text);
            var score = Align(rows, document.Passages);
            TestContext.WriteLine($"{Path.GetFileName(file)}: {score}, words {document.WordCoverage:P1}");
            speakers.Add(score);
            Assert.IsGreaterThanOrEqualTo(WordCoverage.Required, document.WordCoverage!.Value, Path.GetFileName(file));
        }

        TestContext.WriteLine($"all: {speakers}");
        Assert.IsGreaterThanOrEqualTo(0.95, speakers.SpeakerShare, speakers.ToString());
        Assert.IsGreaterThanOrEqualTo(0.8, speakers.FoundShare, speakers.ToString());
    }

    [TestMethod]
    public void HouseOfCommonsPdfKeepsEveryQuestionNumberAndItsSpeakers()
    {
        var folder = Folder("scitech");
        var rows = File.ReadLines(Path.Combine(folder, "u1720146_CN8001_oral_20140618.csv"))
            .Where(l => !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split('|')).Where(c => c.Length >= 3)
            .Select(c => new Row(c[0], c[1], string.Join('|', c[2..]))).ToList();
        var document = Extract(Path.Combine(folder, "Oral_20140618.pdf"), DocumentType.Pdf);

        var score = Align(rows, document.Passages);
        var numbers = document.Passages.Select(p => p.Question).Where(q => q is not null).Distinct().ToHashSet();
        var missing = Enumerable.Range(1, 79).Select(n => "Q" + n).Where(q => !numbers.Contains(q)).ToList();
        TestContext.WriteLine($"scitech: {score}; question numbers missing: {missing.Count}; words {document.WordCoverage:P1}");

        Assert.IsEmpty(missing, string.Join(", ", missing));
        Assert.IsGreaterThanOrEqualTo(0.95, score.SpeakerShare, score.ToString());
        Assert.IsGreaterThanOrEqualTo(0.99, score.QuestionShare, score.ToString());
        Assert.IsGreaterThanOrEqualTo(WordCoverage.Required, document.WordCoverage!.Value);
    }

    private sealed record Row(string? Question, string Person, string Text);

    private sealed class Score
    {
        public int Rows { get; private set; }

        public int Found { get; private set; }

        public int Speakers { get; private set; }

        public int Questions { get; private set; }

        public double FoundShare => Rows == 0 ? 1 : (double)Found / Rows;

        public double SpeakerShare => Found == 0 ? 0 : (double)Speakers / Found;

        public double QuestionShare => Found == 0 ? 0 : (double)Questions / Found;

        public void Add(Score other)
        {
            Rows += other.Rows;
            Found += other.Found;
            Speakers += other.Speakers;
            Questions += other.Questions;
        }

        public void Count(bool found, bool speaker, bool question)
        {
            Rows++;
            Found += found ? 1 : 0;
            Speakers += found && speaker ? 1 : 0;
            Questions += found && question ? 1 : 0;
        }

        public override string ToString() =>
            $"{Found}/{Rows} turns found, speaker {SpeakerShare:P1}, question {QuestionShare:P1}";
    }

    /// <summary>Each hand-parsed turn is looked for, in order, among the passages by its first words.</summary>
    private static Score Align(IReadOnlyList<Row> rows, IReadOnlyList<ExtractedPassage> passages)
    {
        var score = new Score();
        var keys = passages.Select(p => Key(p.Text, 400)).ToList();
        var at = 0;
        foreach (var row in rows)
        {
            var key = Key(row.Text, 40);
            if (key.Length < 8)
            {
                continue;
            }

            var index = -1;
            for (var i = at; i < Math.Min(keys.Count, at + 40); i++)
            {
                if (keys[i].Contains(key, StringComparison.Ordinal))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                score.Count(found: false, speaker: false, question: false);
                continue;
            }

            at = index;
            var passage = passages[index];
            score.Count(true, Same(passage.Speaker, row.Person), row.Question is null || passage.Question == row.Question);
        }

        return score;
    }

    private static bool Same(string? speaker, string person) =>
        speaker is not null && Key(speaker, 200) == Key(person, 200);

    private static string Key(string text, int length)
    {
        var letters = Letters().Replace(text.ToLowerInvariant(), string.Empty);
        return letters.Length <= length ? letters : letters[..length];
    }

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\r?\n(?=(?:Q?\d+|NA)\t)")]
    private static partial Regex RowStart();

    /// <summary>Some rows repeat the printed label ("Q1  Chairman: Good afternoon"); the turn's text follows it.</summary>
    private static string WithoutLabel(string text, string person)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < 80 && text[..colon].Contains(person, StringComparison.OrdinalIgnoreCase) ? text[(colon + 1)..] : text;
    }

    private static ExtractedDocument Extract(string path, DocumentType type) =>
        new DocumentExtractor().Extract(File.ReadAllBytes(path), new ExtractionRequest(type, IsTranscript: true), CancellationToken.None);

    private static string Folder(string name)
    {
        var transcripts = CorpusFolder.Find("transcripts");
        if (transcripts is null)
        {
            Assert.Inconclusive("shared/corpus/transcripts is not beside the work tree");
        }

        return Path.Combine(transcripts, name);
    }
}
