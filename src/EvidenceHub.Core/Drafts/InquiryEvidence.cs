using System.Text;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Drafts;

/// <summary>
/// Every passage of one inquiry, published or not, held in memory for checking a draft: the folded texts
/// in one string (so a quotation is looked for with one vectorised search, not one per passage), and,
/// built the first time a quotation is not found word for word, an index of word pairs that finds the
/// passage a changed quotation came from.
/// </summary>
public sealed class InquiryEvidence
{
    private const char Separator = '\u0001';

    public sealed record Source(Submission Submission)
    {
        public bool Published => Submission.Publication == Publication.Published;
    }

    public sealed record EvidencePassage(int Index, long Id, Source Source, int Ordinal, int? Page, string? Paragraph, string? Question, string? Speaker, string Text);

    /// <summary>A fragment sequence found word for word in a passage, from <paramref name="Start"/> to <paramref name="End"/>.</summary>
    public sealed record Occurrence(EvidencePassage Passage, int Start, int End);

    private readonly List<EvidencePassage> passages;
    private readonly string corpus;
    private readonly int[] starts;
    private (long[] Keys, int[] Holders)? pairs;
    private readonly Dictionary<long, (int Start, int End)> ranges = [];

    private InquiryEvidence(IReadOnlyList<Source> sources, List<EvidencePassage> passages)
    {
        Sources = sources;
        this.passages = passages;
        starts = new int[passages.Count];
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            starts[i] = text.Length;
            text.Append(passages[i].Text).Append(Separator);
        }

        corpus = text.ToString();
        foreach (var group in passages.GroupBy(p => p.Source.Submission.Id))
        {
            var last = group.Last();
            ranges[group.Key] = (starts[group.First().Index], starts[last.Index] + last.Text.Length);
        }
    }

    public IReadOnlyList<Source> Sources { get; }

    public int PassageCount => passages.Count;

    public static async Task<InquiryEvidence> LoadAsync(EvidenceDbContext db, int inquiryId, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.InquiryId == inquiryId)
            .OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var sources = submissions.ToDictionary(s => s.Id, s => new Source(s));
        var rows = await (from p in db.Passages.AsNoTracking()
                          join s in db.Submissions on p.SubmissionId equals s.Id
                          where s.InquiryId == inquiryId
                          orderby s.Number, p.Ordinal
                          select new { p.Id, p.SubmissionId, p.Ordinal, p.Page, p.Paragraph, p.Question, p.Speaker, p.Text })
            .ToListAsync(cancellationToken);
        var passages = rows.Select((p, i) => new EvidencePassage(
            i, p.Id, sources[p.SubmissionId], p.Ordinal, p.Page, p.Paragraph, p.Question, p.Speaker, DraftText.Fold(p.Text))).ToList();
        return new InquiryEvidence(sources.Values.ToList(), passages);
    }

    /// <summary>
    /// Every passage holding the fragments word for word, in order (the first letter of each fragment may
    /// differ in case, as a quotation begun mid-sentence is capitalised), each starting and ending at a word boundary.
    /// </summary>
    public List<Occurrence> Verbatim(IReadOnlyList<string> fragments) => Verbatim(fragments, 0, corpus.Length);

    /// <summary>As <see cref="Verbatim(IReadOnlyList{string})"/>, in one submission's passages only (none for a submission not of this inquiry).</summary>
    public List<Occurrence> VerbatimIn(IReadOnlyList<string> fragments, string reference)
    {
        var source = Sources.FirstOrDefault(s => string.Equals(s.Submission.Reference, reference, StringComparison.OrdinalIgnoreCase));
        return source is not null && ranges.TryGetValue(source.Submission.Id, out var range) ? Verbatim(fragments, range.Start, range.End) : [];
    }

    private List<Occurrence> Verbatim(IReadOnlyList<string> fragments, int from, int to)
    {
        var found = new List<Occurrence>();
        if (fragments.Count == 0 || fragments[0].Length < 2)
        {
            return found;
        }

        var first = fragments[0];
        var tail = first[1..];
        for (var at = Find(tail, from, to); at >= 0; at = Find(tail, at + 1, to))
        {
            var start = at - 1;
            if (start < 0 || !SameLetter(corpus[start], first[0]) || !Boundary(start - 1) || !Boundary(start + first.Length))
            {
                continue;
            }

            var index = PassageAt(start);
            var end = RestAfter(fragments, start + first.Length, starts[index] + passages[index].Text.Length);
            if (end >= 0 && (found.Count == 0 || found[^1].Passage.Index != index))
            {
                found.Add(new Occurrence(passages[index], start - starts[index], end - starts[index]));
            }
        }

        return found;
    }

    /// <summary>
    /// The passages sharing the most word pairs with the quotation, best first (at most <paramref name="count"/>).
    /// Pairs found in very many passages ("of the") say little and cost much: the rarest pairs are counted,
    /// those held by more than <see cref="CommonPair"/> of the passages only when nothing rarer is shared.
    /// </summary>
    public IReadOnlyList<EvidencePassage> Nearest(string[] words, int count)
    {
        var (keys, holders) = pairs ??= BuildPairs();
        var lists = PairKeys(words).Distinct().Select(k => Range(keys, k)).Where(r => r.Length > 0).OrderBy(r => r.Length).ToList();
        var cap = Math.Max(200, (int)(passages.Count * CommonPair));
        var shared = new int[passages.Count];
        var touched = new List<int>();
        foreach (var (start, length) in lists.TakeWhile((r, i) => r.Length <= cap || i < 3))
        {
            for (var i = start; i < start + length; i++)
            {
                if (shared[holders[i]]++ == 0)
                {
                    touched.Add(holders[i]);
                }
            }
        }

        return touched.OrderByDescending(i => shared[i]).ThenBy(i => i).Take(count).Select(i => passages[i]).ToList();
    }

    private const double CommonPair = 0.02;

    private int Find(string text, int from, int to) =>
        from >= to ? -1 : corpus.IndexOf(text, from, to - from, StringComparison.Ordinal);

    private int RestAfter(IReadOnlyList<string> fragments, int from, int limit)
    {
        var end = from;
        foreach (var fragment in fragments.Skip(1))
        {
            var at = -1;
            for (var i = corpus.IndexOf(fragment[1..], end, limit - end, StringComparison.Ordinal); i > 0; i = corpus.IndexOf(fragment[1..], i + 1, limit - i - 1, StringComparison.Ordinal))
            {
                if (SameLetter(corpus[i - 1], fragment[0]) && Boundary(i - 2) && Boundary(i - 1 + fragment.Length) && i - 1 >= end)
                {
                    at = i - 1;
                    break;
                }
            }

            if (at < 0)
            {
                return -1;
            }

            end = at + fragment.Length;
        }

        return end;
    }

    private bool Boundary(int at) => at < 0 || at >= corpus.Length || !char.IsLetterOrDigit(corpus[at]);

    private static bool SameLetter(char a, char b) => a == b || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);

    private int PassageAt(int offset)
    {
        var i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Every (pair, passage) in two arrays sorted by pair: no object per pair, one sort.</summary>
    private (long[] Keys, int[] Holders) BuildPairs()
    {
        var keys = new List<long>(corpus.Length / 6);
        var holders = new List<int>(corpus.Length / 6);
        foreach (var passage in passages)
        {
            foreach (var key in PairKeys(passage.Text))
            {
                keys.Add(key);
                holders.Add(passage.Index);
            }
        }

        var k = keys.ToArray();
        var h = holders.ToArray();
        Array.Sort(k, h);
        return (k, h);
    }

    /// <summary>Where <paramref name="key"/>'s holders lie in the sorted arrays.</summary>
    private static (int Start, int Length) Range(long[] keys, long key)
    {
        var at = Array.BinarySearch(keys, key);
        if (at < 0)
        {
            return (0, 0);
        }

        var (start, end) = (at, at);
        while (start > 0 && keys[start - 1] == key)
        {
            start--;
        }

        while (end + 1 < keys.Length && keys[end + 1] == key)
        {
            end++;
        }

        return (start, end - start + 1);
    }

    private static IEnumerable<long> PairKeys(string[] words) => PairKeys(string.Join(' ', words));

    /// <summary>Each pair of neighbouring words, compared as <see cref="DraftText.Bare"/> compares them, hashed without allocating.</summary>
    private static IEnumerable<long> PairKeys(string text)
    {
        long previous = -1;
        uint hash = 2166136261;
        var inWord = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 16777619;
                inWord = true;
            }
            else if (c == ' ' && inWord)
            {
                if (previous >= 0)
                {
                    yield return (previous << 32) | hash;
                }

                previous = hash;
                hash = 2166136261;
                inWord = false;
            }
        }
    }
}
