using System.Diagnostics;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Visibility;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceHub.Api.Search;

public static class SearchApi
{
    public static void MapSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", Search).WithTags("Search");

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(HttpRequest http, CallerVisibility caller, EvidenceSearcher searcher)
    {
        var parsed = SearchQueryString.Parse(http.Query);
        if (parsed.Problem is not null)
        {
            return Problems.BadRequest("The search filters are not valid", parsed.Problem);
        }

        var request = caller.Apply(parsed.Request!);
        var clock = Stopwatch.StartNew();
        var results = searcher.Search(request);
        return TypedResults.Ok(new SearchResponse(
            results.Total,
            request.Page,
            request.PageSize,
            clock.ElapsedMilliseconds,
            results.Hits.Select(h => h.AsDto()).ToList(),
            results.Facets));
    }
}
