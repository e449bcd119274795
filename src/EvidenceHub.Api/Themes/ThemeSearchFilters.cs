using EvidenceHub.Api.Access;
using EvidenceHub.Api.Search;
using EvidenceHub.Search;

namespace EvidenceHub.Api.Themes;

/// <summary>
/// The search filters that theme numbers (coverage, co-occurrence, balance) take, read as <c>/api/search</c> reads
/// them — <c>q</c>, <c>category</c>, <c>response=individual</c>, <c>campaign</c>, dates… — so a researcher can count,
/// say, individual responses only. The inquiry is the route's; a <c>theme</c> filter is each theme's own.
/// </summary>
public static class ThemeSearchFilters
{
    /// <summary>Values per facet these numbers ask the searcher for (every category, every theme).</summary>
    public const int FacetLimit = 1000;

    public static SearchQueryString.Parsed Parse(IQueryCollection query, string prefix, Caller caller)
    {
        var parsed = SearchQueryString.Parse(query);
        if (parsed.Request is null)
        {
            return parsed;
        }

        var filters = parsed.Request.Filters.Where(f => f.Key is not ("inquiry" or "theme")).ToDictionary(f => f.Key, f => f.Value);
        filters["inquiry"] = [prefix];
        return new(caller.Apply(parsed.Request with { Filters = filters, Page = 1, PageSize = 1, PassagesPerHit = 1, FacetLimit = FacetLimit }), null);
    }

    /// <summary>The request narrowed to one theme.</summary>
    public static SearchRequest ForTheme(SearchRequest request, string theme) =>
        request with { Filters = new Dictionary<string, IReadOnlyList<string>>(request.Filters) { ["theme"] = [theme] } };
}
