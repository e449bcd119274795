namespace EvidenceHub.Bench.Campaigns;

/// <summary>
/// How well a clustering matches the truth: pairwise precision and recall (of the pairs of letters put in one
/// campaign, how many are copies of one template; of the pairs that are, how many were put together), and the
/// precision and recall of own-words passages among the letters found in campaigns.
/// </summary>
internal static class CampaignScore
{
    public static (double Precision, double Recall) Pairwise(IReadOnlyList<int> truth, IReadOnlyList<int> found)
    {
        static double Pairs(IEnumerable<int> groupSizes) => groupSizes.Sum(n => n * (n - 1) / 2.0);
        var both = Pairs(Enumerable.Range(0, truth.Count).Where(i => truth[i] >= 0 && found[i] >= 0)
            .GroupBy(i => (truth[i], found[i])).Select(g => g.Count()));
        var foundPairs = Pairs(found.Where(f => f >= 0).GroupBy(f => f).Select(g => g.Count()));
        var truePairs = Pairs(truth.Where(t => t >= 0).GroupBy(t => t).Select(g => g.Count()));
        return (foundPairs == 0 ? 1 : both / foundPairs, truePairs == 0 ? 1 : both / truePairs);
    }

    public static (double Precision, double Recall) OwnWords(IEnumerable<(bool Truth, bool Found)> passages)
    {
        var list = passages.ToList();
        var found = list.Count(p => p.Found);
        var correct = list.Count(p => p.Found && p.Truth);
        var truth = list.Count(p => p.Truth);
        return (found == 0 ? 1 : (double)correct / found, truth == 0 ? 1 : (double)correct / truth);
    }
}
