using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// Turns the lines of an oral-evidence transcript into one passage per speaker's turn, each with the
/// question number as printed (<c>Q12</c>; the old "12." style becomes <c>Q12</c> too) and the
/// speaker as printed. Every answer to a question carries that question's number. The front matter
/// goes into the document's metadata.
/// </summary>
public static partial class TranscriptParser
{
    private static readonly string[] Chairs = ["Chair", "Chairman", "Chairwoman", "Madam Chair", "The Chair", "The Chairman"];

    [GeneratedRegex(@"^Q\s?(?<q>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex BareQuestion();

    // Old Minutes of Evidence leave out the name when the same member asks the next question: "20.  I recognise …".
    [GeneratedRegex(@"^(?<q>\d{1,5})\.\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberOnly();

    private const int MaxQuestionGap = 5;

    public static ExtractedDocument Parse(SourceLines source)
    {
        var header = new TranscriptHeader();
        var speakers = new HashSet<string>(Chairs, StringComparer.OrdinalIgnoreCase);
        var passages = new List<ExtractedPassage>();
        int? question = null;
        int? pendingQuestion = null;
        Turn? turn = null;
        string? questioner = null;

        var isPageFurniture = RunningHeaders.Detect(source.Lines);
        foreach (var line in source.Lines)
        {
            // Before the first turn everything is front matter (the HC number may sit on a line of its own).
            if (turn is not null && isPageFurniture(line))
            {
                continue;
            }

            var text = line.Text.Trim();
            if (BareQuestion().Match(text) is { Success: true } bare)
            {
                pendingQuestion = int.Parse(bare.Groups["q"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            var start = TurnStart.Match(text);
            if (start is not null && IsTurn(start, line, speakers, header, question, pendingQuestion))
            {
                Flush(turn, passages);
                question = NextQuestion(start, question, pendingQuestion) ?? question;
                pendingQuestion = null;
                var rest = start.Numbered && start.Question is { } printed && question != printed
                    ? printed.ToString(CultureInfo.InvariantCulture) + ". " + start.Rest
                    : start.Rest;
                turn = new Turn(line.Page, question, start.Speaker, [rest]);
                speakers.Add(start.Speaker);
                if (start.Numbered && question == start.Question)
                {
                    questioner = start.Speaker;
                }

                header.EndBlock();
                continue;
            }

            if (questioner is not null && question is { } last && line.StartsParagraph
                && NumberOnly().Match(text) is { Success: true } numberOnly
                && int.Parse(numberOnly.Groups["q"].Value, CultureInfo.InvariantCulture) is var next
                && next > last && next <= last + MaxQuestionGap)
            {
                Flush(turn, passages);
                question = next;
                turn = new Turn(line.Page, question, questioner, [numberOnly.Groups["rest"].Value]);
                continue;
            }

            if (TranscriptHeader.StartsWitnessBlock(text))
            {
                Flush(turn, passages);
                turn = null;
            }

            if (turn is null)
            {
                header.Add(text);
            }
            else
            {
                turn.Lines.Add(text);
            }
        }

        Flush(turn, passages);
        return new ExtractedDocument(source.PageCount, passages, header.ToMetadata());
    }

    private static bool IsTurn(TurnStart start, SourceLine line, HashSet<string> speakers, TranscriptHeader header,
        int? question, int? pendingQuestion)
    {
        if (start.Numbered && NextQuestion(start, question, pendingQuestion) is not null)
        {
            return true;
        }

        // An unnumbered "Name:" mid-line could be ordinary prose wrapped onto a new line; trust it at the
        // start of a paragraph, or when the name is one already seen or listed in the front matter.
        return line.StartsParagraph || speakers.Contains(start.Speaker) || header.Mentions(start.Speaker);
    }

    /// <summary>"Q12" is always a question; a bare "12." only when it moves the count forward.</summary>
    private static int? NextQuestion(TurnStart start, int? current, int? pending)
    {
        if (!start.Numbered || start.Question is not { } printed)
        {
            return pending;
        }

        return start.QPrefixed || current is null || printed > current ? printed : pending;
    }

    private static void Flush(Turn? turn, List<ExtractedPassage> passages)
    {
        if (turn is null)
        {
            return;
        }

        var text = TextNormalizer.Clean(string.Join(' ', turn.Lines));
        if (text.Length > 0)
        {
            var question = turn.Question is { } q ? "Q" + q.ToString(CultureInfo.InvariantCulture) : null;
            passages.Add(new ExtractedPassage(turn.Page, null, text, question, turn.Speaker));
        }
    }

    private sealed record Turn(int? Page, int? Question, string Speaker, List<string> Lines);
}
