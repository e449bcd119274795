namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// The measures of one ranking against graded judgements (gain 0 for a document not judged relevant),
/// as trec_eval computes them: nDCG@10 (linear gain, log2 discount), average precision over the first
/// 100 (MAP@100, divided by every relevant document), precision at 10 and recall at 100.
/// </summary>
internal readonly record struct RankingMetrics(double Ndcg10, double Map100, double P10, double R100)
{
    public static RankingMetrics Of(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevant)
    {
        double dcg = 0, idcg = 0, precisionSum = 0;
        int found10 = 0, found100 = 0;
        for (var i = 0; i < Math.Min(100, ranking.Count); i++)
        {
            var gain = relevant.GetValueOrDefault(ranking[i]);
            if (gain <= 0)
            {
                continue;
            }

            found100++;
            precisionSum += (double)found100 / (i + 1);
            if (i < 10)
            {
                found10++;
                dcg += gain / Math.Log2(i + 2);
            }
        }

        var ideal = relevant.Values.Where(g => g > 0).OrderByDescending(g => g).Take(10).ToList();
        for (var i = 0; i < ideal.Count; i++)
        {
            idcg += ideal[i] / Math.Log2(i + 2);
        }

        var count = relevant.Values.Count(g => g > 0);
        return new RankingMetrics(idcg > 0 ? dcg / idcg : 0, count > 0 ? precisionSum / count : 0, found10 / 10.0,
            count > 0 ? (double)found100 / count : 0);
    }

    public static RankingMetrics Mean(IReadOnlyCollection<RankingMetrics> all) => all.Count == 0 ? default : new(
        all.Average(m => m.Ndcg10), all.Average(m => m.Map100), all.Average(m => m.P10), all.Average(m => m.R100));
}
