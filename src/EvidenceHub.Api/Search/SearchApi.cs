using System.Diagnostics;
using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceHub.Api.Search;

public static class SearchApi
{
    public static void MapSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", Search).WithTags("Search").AllowPublic().ReadsIndex();

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        HttpRequest http, Caller caller, EvidenceSearcher searcher, IndexReplica replica, CitationStyleCache citations, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryString.Parse(http.Query);
        if (parsed.Problem is not null)
        {
            return Problems.BadRequest("The search filters are not valid", parsed.Problem);
        }

        if (parsed.Request!.Explain && !caller.IsAdmin && caller.Memberships.Count == 0)
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "Explanations are for staff",
                "explain=true says how each hit's score was made; sign in as staff of an inquiry to ask for it, or leave it out.");
        }

        var request = caller.Apply(parsed.Request!);
        var clock = Stopwatch.StartNew();
        var results = searcher.Search(request);
        // Every inquiry's style, from the node's cache: the database (and a context for it) only when it is stale.
        var styles = await citations.ByPrefixAsync(() => http.HttpContext.RequestServices.GetRequiredService<EvidenceDbContext>(), cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            results.Total,
            request.Page,
            request.PageSize,
            clock.ElapsedMilliseconds,
            results.Hits.Select(h => h.AsDto(styles)).ToList(),
            results.Facets,
            Indexing: !replica.Ready,
            DidYouMean: results.DidYouMean is { } respelt ? new DidYouMeanDto(respelt.Query, respelt.Total) : null));
    }
}
