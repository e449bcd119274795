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
    private Dictionary<long, List<int>>? pairs;

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
    public List<Occurrence> Verbatim(IReadOnlyList<string> fragments)
    {
        var found = new List<Occurrence>();
        if (fragments.Count == 0 || fragments[0].Length < 2)
        {
            return found;
        }

        var first = fragments[0];
        for (var at = corpus.IndexOf(first[1..], StringComparison.Ordinal); at >= 0; at = corpus.IndexOf(first[1..], at + 1, StringComparison.Ordinal))
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

    /// <summary>The passages sharing the most word pairs with the quotation, best first (at most <paramref name="count"/>).</summary>
    public IReadOnlyList<EvidencePassage> Nearest(string[] words, int count)
    {
        pairs ??= BuildPairs();
        var shared = new Dictionary<int, int>();
        foreach (var key in PairKeys(words).Distinct())
        {
            if (pairs.TryGetValue(key, out var holders))
            {
                foreach (var holder in holders)
                {
                    shared[holder] = shared.GetValueOrDefault(holder) + 1;
                }
            }
        }

        return shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(count).Select(kv => passages[kv.Key]).ToList();
    }

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

    private Dictionary<long, List<int>> BuildPairs()
    {
        var index = new Dictionary<long, List<int>>();
        foreach (var passage in passages)
        {
            foreach (var key in PairKeys(DraftText.Words(passage.Text)).Distinct())
            {
                if (!index.TryGetValue(key, out var holders))
                {
                    index[key] = holders = [];
                }

                holders.Add(passage.Index);
            }
        }

        return index;
    }

    private static IEnumerable<long> PairKeys(string[] words)
    {
        var bare = words.Select(DraftText.Bare).Where(w => w.Length > 0).Select(w => (long)(uint)w.GetHashCode(StringComparison.Ordinal)).ToList();
        for (var i = 0; i + 1 < bare.Count; i++)
        {
            yield return (bare[i] << 32) | bare[i + 1];
        }
    }
}
