using System.Text;

namespace EvidenceHub.Core.Drafts;

/// <summary>
/// How a quotation differs from the passage it came closest to, word by word: the longest common
/// subsequence of words, over the stretch of the passage the quotation spans. Written as
/// <c>money [-should-] {+must+} follow need</c>: <c>[-…-]</c> is the evidence's word the draft left out,
/// <c>{+…+}</c> the draft's word the evidence does not have.
/// </summary>
public sealed record WordDiff(string Diff, string Source, double Similarity, int ChangedWords)
{
    // Quotations and passages longer than this are compared on their first words only: the matrix stays small.
    private const int MaxQuoteWords = 400;
    private const int MaxPassageWords = 3000;

    public static WordDiff Compare(string[] quotation, string[] passage)
    {
        var q = quotation.Take(MaxQuoteWords).ToArray();
        var p = passage.Take(MaxPassageWords).ToArray();
        var lengths = new int[q.Length + 1, p.Length + 1];
        for (var i = q.Length - 1; i >= 0; i--)
        {
            for (var j = p.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = Same(q[i], p[j], i == 0) ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        // Walk the matrix; passage words before the first match and after the last are outside the quotation.
        var ops = new List<(char Op, string Word)>();
        int a = 0, b = 0;
        while (a < q.Length && b < p.Length)
        {
            if (Same(q[a], p[b], a == 0))
            {
                ops.Add(('=', q[a]));
                a++;
                b++;
            }
            else if (lengths[a + 1, b] >= lengths[a, b + 1])
            {
                ops.Add(('+', q[a++]));
            }
            else
            {
                ops.Add(('-', p[b++]));
            }
        }

        ops.AddRange(q.Skip(a).Select(w => ('+', w)));
        ops.AddRange(p.Skip(b).Select(w => ('-', w)));
        var first = ops.FindIndex(o => o.Op == '=');
        var last = ops.FindLastIndex(o => o.Op == '=');
        if (first < 0)
        {
            return new WordDiff(string.Join(' ', q.Select(w => "{+" + w + "+}")), string.Empty, 0, q.Length);
        }

        // Source words beyond the quotation's ends were not quoted, not changed: at each end only as many as
        // the draft put in their place count (a last word replaced), the rest are dropped.
        var kept = new List<(char Op, string Word)>();
        kept.AddRange(Gap(ops.Take(first), atStart: true));
        for (var i = first; i <= last;)
        {
            var j = i;
            while (j <= last && ops[j].Op != '=')
            {
                j++;
            }

            if (j == i)
            {
                kept.Add(ops[i++]);
                continue;
            }

            kept.AddRange(Gap(ops.Skip(i).Take(j - i), atStart: null));
            i = j;
        }

        kept.AddRange(Gap(ops.Skip(last + 1), atStart: false));
        var source = string.Join(' ', kept.Where(o => o.Op != '+').Select(o => o.Word));
        var matched = kept.Count(o => o.Op == '=');
        return new WordDiff(Render(kept), source, (double)matched / Math.Max(q.Length, 1), kept.Count(o => o.Op != '='));
    }

    /// <summary>A run of differences, the evidence's words first; at an end (<paramref name="atStart"/> not null) cut to the words replaced.</summary>
    private static IEnumerable<(char Op, string Word)> Gap(IEnumerable<(char Op, string Word)> run, bool? atStart)
    {
        var list = run.ToList();
        var added = list.Where(o => o.Op == '+').ToList();
        var removed = list.Where(o => o.Op == '-').ToList();
        if (atStart is { } start)
        {
            var n = Math.Min(added.Count, removed.Count);
            removed = start ? removed.Skip(removed.Count - n).ToList() : removed.Take(n).ToList();
        }

        return removed.Concat(added);
    }

    private static bool Same(string draft, string source, bool first) =>
        string.Equals(draft, source, first ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Render(List<(char Op, string Word)> ops)
    {
        var text = new StringBuilder();
        foreach (var (op, word) in ops)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(op switch { '+' => "{+" + word + "+}", '-' => "[-" + word + "-]", _ => word });
        }

        return text.ToString();
    }
}
