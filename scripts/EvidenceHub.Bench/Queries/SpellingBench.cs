using System.Diagnostics;
using EvidenceHub.Core;
using EvidenceHub.Search;

namespace EvidenceHub.Bench.Queries;

/// <summary>
/// What "did you mean" costs: misspelt queries (which find few or no submissions, so a suggestion is
/// looked for) and the mix's well-spelt ones (which find many, so none is), each run through
/// <see cref="EvidenceSearcher"/> with and without <see cref="SearchRequest.SuggestSpelling"/>, as staff
/// and as the public (whose word counts pass through the publication filter).
/// </summary>
internal static class SpellingBench
{
    private static readonly string[] Misspelt =
        ["comunity", "allotmnet", "\"comunity ownership\"", "regeneraton AND councl", "(pubs OR halls) AND residnets", "\"local goverment funding\""];

    private static readonly string[] WellSpelt = ["community", "\"community ownership\"", "funding AND council NOT austerity", "(pubs OR halls) AND residents"];

    public static void Run(string dataDirectory, string label, int rounds, Report report)
    {
        using var index = PassageIndex.OpenFolder(new EvidenceHubOptions { DataDirectory = dataDirectory }.IndexDirectory);
        var searcher = new EvidenceSearcher(index);
        foreach (var (who, access) in new[] { ("staff", SearchAccess.Everything), ("public", SearchAccess.PublicOnly) })
        {
            Measure(searcher, label, "misspelt", Misspelt, who, access, rounds, report);
            Measure(searcher, label, "well spelt (many hits)", WellSpelt, who, access, rounds, report);
        }
    }

    private static void Measure(EvidenceSearcher searcher, string label, string kind, string[] queries, string who, SearchAccess access, int rounds, Report report)
    {
        SearchResults Run(string q, bool suggest) => searcher.Search(new SearchRequest { Query = q, Access = access, SuggestSpelling = suggest });

        var suggested = queries.Select(q => Run(q, true)).Count(r => r.DidYouMean is not null);
        foreach (var q in queries.Concat(queries).Concat(queries)) // warm-up
        {
            Run(q, false);
            Run(q, true);
        }

        var plain = new List<double>();
        var withSuggestion = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                plain.Add(Time(() => Run(q, false)));
                withSuggestion.Add(Time(() => Run(q, true)));
            }
        }

        plain.Sort();
        withSuggestion.Sort();
        var added = Fmt.Percentile(withSuggestion, 50) - Fmt.Percentile(plain, 50);
        report.Row("spelling", label, $"{kind} ({queries.Length})", who,
            $"{Fmt.Ms(Fmt.Percentile(plain, 50))} / {Fmt.Ms(Fmt.Percentile(plain, 95))}",
            $"{Fmt.Ms(Fmt.Percentile(withSuggestion, 50))} / {Fmt.Ms(Fmt.Percentile(withSuggestion, 95))}",
            Fmt.Ms(Math.Max(0, added)),
            $"{suggested} of {queries.Length}");
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
