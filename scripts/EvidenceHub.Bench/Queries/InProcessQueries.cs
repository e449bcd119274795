using EvidenceHub.Core;
using EvidenceHub.Search;

namespace EvidenceHub.Bench.Queries;

/// <summary>The query mix through <see cref="EvidenceSearcher"/> on the index the API would open: hits, snippets and facets.</summary>
internal static class InProcessQueries
{
    public static void Run(string dataDirectory, string output, int rounds)
    {
        using var index = PassageIndex.OpenFolder(new EvidenceHubOptions { DataDirectory = dataDirectory }.IndexDirectory);
        var searcher = new EvidenceSearcher(index);
        Latencies.Measure("in-process", output, rounds, q => searcher.Search(new SearchRequest
        {
            Query = q.Text,
            Access = SearchAccess.Everything, // as the HTTP run: staff, who read every submission
            Filters = q.Faceted ? QueryMix.Filters : new Dictionary<string, IReadOnlyList<string>>(),
        }).Total);
    }
}
