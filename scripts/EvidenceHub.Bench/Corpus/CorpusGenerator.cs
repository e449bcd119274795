using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;

namespace EvidenceHub.Bench.Corpus;

/// <summary>
/// A seeded synthetic evidence corpus: inquiries, submissions (~20 passages each) from organisations and
/// individuals, Zipf-distributed words with theme phrases, numbered paragraphs, transcripts with
/// questions and speakers. Submission <c>i</c> depends only on the seed and <c>i</c>, so any prefix of the
/// corpus is the same whatever its size, and the corpus streams without being held in memory.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    public const int PassagesPerSubmission = 20;

    public static readonly string[] ThemePhrases =
    [
        "community ownership", "social infrastructure", "left behind neighbourhoods", "community wealth building",
        "high street regeneration", "local government funding", "digital exclusion", "youth services",
        "long term funding", "place based approach",
    ];

    private static readonly string[] Prefixes = ["LBN", "CWB", "HST", "RDV", "YTH"];
    private static readonly string[] Speakers = ["Chair", "Ms Patel", "Mr Hallam", "Dr Okafor", "Baroness Ellery", "Mr Rees", "Professor Lind", "Ms Carver"];
    private static readonly string[] Forenames = ["Alex", "Sam", "Jo", "Chris", "Priya", "Tom", "Aisha", "Grace", "Owen", "Ruth", "Imran", "Megan"];
    private static readonly string[] Surnames = ["Bloggs", "Hughes", "Khan", "Murray", "Evans", "Okafor", "Shaw", "Patel", "Reid", "Lowe", "Barker", "Quinn"];

    private readonly Vocabulary vocabulary = new(20_000, seed);

    public Vocabulary Vocabulary => vocabulary;

    public static int SubmissionCount(int passages) => Math.Max(1, passages / PassagesPerSubmission);

    public static IReadOnlyList<Inquiry> Inquiries(int submissions) =>
        Prefixes.Select((prefix, i) => new Inquiry
        {
            Id = i + 1,
            Prefix = prefix,
            Title = $"Synthetic inquiry {prefix}",
            LastReferenceNumber = submissions / Prefixes.Length + (i < submissions % Prefixes.Length ? 1 : 0),
            CreatedAt = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }).ToList();

    /// <summary>The submissions of a corpus of about <paramref name="passages"/> passages, ids 1..n, passage ids in order.</summary>
    public IEnumerable<Submission> Submissions(int passages)
    {
        var count = SubmissionCount(passages);
        long passageId = 0;
        for (var i = 0; i < count; i++)
        {
            // The corpus holds exactly the passages asked for: the last submission takes what is left.
            var submission = Submission(i);
            var left = passages - (int)passageId;
            if (i == count - 1 || submission.Passages.Count > left)
            {
                var random = new Random(Mix(seed, i, 7));
                while (submission.Passages.Count < left && i == count - 1)
                {
                    submission.Passages.Add(NewPassage(random, submission, submission.Passages.Count));
                }

                submission.Passages.RemoveRange(Math.Max(1, left), Math.Max(0, submission.Passages.Count - Math.Max(1, left)));
            }

            foreach (var passage in submission.Passages)
            {
                passage.Id = ++passageId;
            }

            submission.PassageCount = submission.Passages.Count;
            yield return submission;
        }
    }

    public Submission Submission(int i)
    {
        var random = new Random(Mix(seed, i, 0));
        var inquiry = i % Prefixes.Length;
        var number = i / Prefixes.Length + 1;
        var kind = Pick(random, (0.80, SubmissionKind.Written), (0.08, SubmissionKind.Supplementary), (0.08, SubmissionKind.Oral), (0.04, SubmissionKind.Other));
        var individual = kind != SubmissionKind.Oral && random.NextDouble() < 0.15;
        // A few organisations submit often: Zipf over organisations too.
        var org = Organisations.Get((int)Math.Min(Organisations.Count - 1, Math.Floor(Math.Pow(Organisations.Count, random.NextDouble())) - 1));
        var person = $"{Forenames[random.Next(Forenames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
        var received = new DateOnly(2019, 1, 1).AddDays(random.Next(6 * 365));
        var submission = new Submission
        {
            Id = i + 1,
            InquiryId = inquiry + 1,
            Number = number,
            Reference = ReferenceCode.Format(Prefixes[inquiry], number),
            Kind = kind,
            Title = kind == SubmissionKind.Oral ? $"Oral evidence session {number}" : $"Written evidence from {(individual ? person : org.Name)}",
            SubmitterName = person,
            Organisation = individual ? null : org.Name,
            Category = individual ? SubmitterCategory.Individual : org.Category,
            Anonymous = individual && random.NextDouble() < 0.2,
            ReceivedOn = received,
            Publication = Pick(random, (0.85, Publication.Published), (0.10, Publication.Received), (0.05, Publication.Withheld)),
            DocumentType = DocumentType.Pdf,
            FileName = $"submission-{i + 1}.pdf",
            SizeBytes = 100_000,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"synthetic-{seed}-{i}"))),
            CreatedAt = received.ToDateTime(TimeOnly.MinValue),
        };
        submission.MarkIndexed(received.ToDateTime(TimeOnly.MinValue)); // the bench writes the index itself
        var passages = 5 + random.Next(31); // 5..35, mean 20
        submission.PageCount = 1 + passages / 4;
        for (var ordinal = 0; ordinal < passages; ordinal++)
        {
            submission.Passages.Add(NewPassage(random, submission, ordinal));
        }

        return submission;
    }

    private Passage NewPassage(Random random, Submission submission, int ordinal)
    {
        var oral = submission.Kind == SubmissionKind.Oral;
        return new Passage
        {
            SubmissionId = submission.Id,
            Ordinal = ordinal,
            Page = 1 + ordinal / 4,
            Paragraph = oral ? null : Label(ordinal),
            Question = oral ? "Q" + (submission.Number * 40 + ordinal / 2).ToString(CultureInfo.InvariantCulture) : null,
            Speaker = oral ? Speakers[ordinal % 2 == 0 ? 0 : 1 + random.Next(Speakers.Length - 1)] : null,
            Role = PassageRole.Body,
            Text = Text(random),
        };
    }

    private static string Label(int ordinal) =>
        ordinal % 5 == 0 ? (ordinal / 5 + 1).ToString(CultureInfo.InvariantCulture)
            : $"{ordinal / 5 + 1}.{ordinal % 5}";

    /// <summary>One paragraph: 30–110 Zipf words in sentences, with a theme phrase in about a third.</summary>
    public string Text(Random random)
    {
        var words = 30 + random.Next(81);
        var text = new StringBuilder(words * 8);
        var sentence = 0;
        var phraseAt = random.NextDouble() < 0.35 ? random.Next(words) : -1;
        for (var w = 0; w < words; w++)
        {
            var word = w == phraseAt ? ThemePhrases[(int)Math.Floor(Math.Pow(ThemePhrases.Length, random.NextDouble())) - 1] : vocabulary.Next(random);
            if (sentence == 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            text.Append(word);
            sentence++;
            if (sentence > 8 && random.Next(10) == 0 || w == words - 1)
            {
                text.Append('.');
                sentence = 0;
            }
            else if (random.Next(14) == 0)
            {
                text.Append(',');
            }

            if (w < words - 1)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    /// <summary>A stable seed per submission (HashCode.Combine is randomised per process).</summary>
    private static int Mix(int seed, int i, int salt)
    {
        var x = (ulong)(uint)seed << 32 ^ (ulong)(uint)i ^ (ulong)salt << 58;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return (int)((x ^ (x >> 31)) & 0x7fffffff);
    }

    private static T Pick<T>(Random random, params (double Weight, T Value)[] choices)
    {
        var x = random.NextDouble();
        foreach (var (weight, value) in choices)
        {
            if ((x -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
