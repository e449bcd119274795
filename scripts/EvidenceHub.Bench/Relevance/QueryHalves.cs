using System.Globalization;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// A collection's judged queries split in two by the parity of their numeric ids (CISI: odd and even), so that a
/// ranking choice made by looking at one half can be checked on the other. Each half is one row: EvidenceHub's
/// figure, the plain index's, and their ratio. A collection whose ids are not numbers (the sample set) has no halves.
/// </summary>
internal static class QueryHalves
{
    public static void Rows(Report report, string label, string system, IReadOnlyList<RelevanceQuery> judged,
        IReadOnlyList<RankingMetrics> ours, IReadOnlyList<RankingMetrics> theirs)
    {
        if (!judged.All(q => int.TryParse(q.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return;
        }

        foreach (var (name, parity) in new[] { ("odd", 1), ("even", 0) })
        {
            var picked = Enumerable.Range(0, judged.Count)
                .Where(i => int.Parse(judged[i].Id, CultureInfo.InvariantCulture) % 2 == parity).ToList();
            var a = RankingMetrics.Mean(picked.Select(i => ours[i]).ToList());
            var b = RankingMetrics.Mean(picked.Select(i => theirs[i]).ToList());
            report.Row("relevance", $"{label}, {name} query ids", picked.Count.ToString(CultureInfo.InvariantCulture),
                $"{system} / plain Lucene BM25 (÷)", Cell(a.Ndcg10, b.Ndcg10), Cell(a.Map100, b.Map100), Cell(a.P10, b.P10), Cell(a.R100, b.R100), "");
        }
    }

    private static string Cell(double ours, double theirs) => string.Create(CultureInfo.InvariantCulture,
        $"{ours:F3} / {theirs:F3} ({(theirs > 0 ? (ours / theirs).ToString("F3", CultureInfo.InvariantCulture) + "×" : "–")})");
}
