using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes;

/// <summary>Where a quote's text sits in a passage, and how to find it again among a new set of passages.</summary>
public static class QuoteAnchor
{
    public const int ContextLength = 32;

    /// <summary>Where the text was found; <paramref name="Sure"/> unless another place fits the quote's selectors as well.</summary>
    public readonly record struct Found(Passage Passage, int Start, bool Sure = true);

    /// <summary>Points the quote's anchor at <paramref name="start"/> in <paramref name="passage"/>.</summary>
    public static void Set(Quote quote, Passage passage, int start, string sourceSha256)
    {
        var text = passage.Text;
        var end = start + quote.Text.Length;
        quote.PassageId = passage.Id;
        quote.PassageOrdinal = passage.Ordinal;
        quote.Page = passage.Page;
        quote.Paragraph = passage.Paragraph;
        quote.Question = passage.Question;
        quote.Speaker = passage.Speaker;
        quote.Start = start;
        quote.End = end;
        quote.Before = text[Math.Max(0, start - ContextLength)..start];
        quote.After = text[end..Math.Min(text.Length, end + ContextLength)];
        quote.SourceSha256 = sourceSha256;
    }

    /// <summary>
    /// Every place the exact text occurs, best first: most of the surrounding text still around it, then
    /// the same passage position, then the nearest one. Null when the text occurs nowhere.
    /// </summary>
    public static Found? Locate(Quote quote, IReadOnlyList<Passage> passages)
    {
        Found? best = null;
        var bestScore = (Context: -1, Same: false, Distance: int.MaxValue);
        var runnerUp = -1;
        foreach (var passage in passages)
        {
            for (var at = passage.Text.IndexOf(quote.Text, StringComparison.Ordinal); at >= 0;
                 at = passage.Text.IndexOf(quote.Text, at + 1, StringComparison.Ordinal))
            {
                var score = (
                    Context: CommonSuffix(passage.Text[..at], quote.Before) + CommonPrefix(passage.Text[(at + quote.Text.Length)..], quote.After),
                    Same: passage.Ordinal == quote.PassageOrdinal && at == quote.Start,
                    Distance: Math.Abs(passage.Ordinal - quote.PassageOrdinal));
                if (best is null || Better(score, bestScore))
                {
                    runnerUp = best is null ? runnerUp : Math.Max(runnerUp, bestScore.Context);
                    best = new Found(passage, at);
                    bestScore = score;
                }
                else
                {
                    runnerUp = Math.Max(runnerUp, score.Context);
                }
            }
        }

        // Sure when the text is found once, at its own place, or with more of its surrounding words than anywhere else.
        return best is { } found ? found with { Sure = runnerUp < 0 || bestScore.Same || bestScore.Context > runnerUp } : null;
    }

    /// <summary>The location a citation shows: page, paragraph label, question and speaker.</summary>
    public static bool SameLocation(Quote quote, Passage passage) =>
        quote.Page == passage.Page
        && quote.Paragraph == passage.Paragraph
        && quote.Question == passage.Question
        && quote.Speaker == passage.Speaker;

    private static bool Better((int Context, bool Same, int Distance) a, (int Context, bool Same, int Distance) b) =>
        a.Context != b.Context ? a.Context > b.Context
        : a.Same != b.Same ? a.Same
        : a.Distance < b.Distance;

    private static int CommonSuffix(string text, string before)
    {
        var n = 0;
        while (n < text.Length && n < before.Length && text[^(n + 1)] == before[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    private static int CommonPrefix(string text, string after)
    {
        var n = 0;
        while (n < text.Length && n < after.Length && text[n] == after[n])
        {
            n++;
        }

        return n;
    }
}
