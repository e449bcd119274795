using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

public sealed record CoverageDto(string Inquiry, IReadOnlyList<string> Categories, IReadOnlyList<ThemeCoverageDto> Themes);

/// <summary>One theme's submissions, in all and per submitter category (<c>uncategorised</c>: no category given).</summary>
public sealed record ThemeCoverageDto(long Id, string Name, string Colour, int Submissions, IReadOnlyDictionary<string, int> ByCategory, int Uncategorised);

/// <summary>
/// Submissions per theme × submitter category. The numbers are the search facets themselves: for each
/// theme, a search of the inquiry filtered to the theme, under the caller's visibility — its total is the
/// theme facet's count and its category facet the breakdown, so coverage and search cannot disagree. It takes
/// the search filters (<see cref="ThemeSearchFilters"/>): <c>?response=individual</c> counts individual responses only.
/// </summary>
public static class ThemeCoverage
{
    public const string Uncategorised = "uncategorised";

    public static async Task<Results<Ok<CoverageDto>, ContentHttpResult, ProblemHttpResult>> GetAsync(
        string prefix, string? format, HttpRequest http, Caller caller, EvidenceDbContext db, EvidenceSearcher searcher, CancellationToken cancellationToken)
    {
        if (format is not (null or "" or "json" or "csv" or "svg"))
        {
            return Problems.BadRequest("Unknown format", $"'{format}' is not a format; use json, csv or svg.");
        }

        var filters = ThemeSearchFilters.Parse(http.Query, prefix, caller);
        if (filters.Request is null)
        {
            return Problems.BadRequest("The search filters are not valid", filters.Problem!);
        }

        var inquiry = await EvidenceHub.Api.Inquiries.InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == inquiry.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var coverage = Compute(inquiry.Prefix, themes, filters.Request with { Filters = new Dictionary<string, IReadOnlyList<string>>(filters.Request.Filters) { ["inquiry"] = [inquiry.Prefix] } }, searcher);
        return format switch
        {
            "csv" => TypedResults.Text(CoverageCsv.Write(coverage), "text/csv; charset=utf-8"),
            "svg" => TypedResults.Text(CoverageChart.Svg(coverage, inquiry.Title), "image/svg+xml; charset=utf-8"),
            _ => TypedResults.Ok(coverage),
        };
    }

    private static CoverageDto Compute(string prefix, IReadOnlyList<Theme> themes, SearchRequest filters, EvidenceSearcher searcher)
    {
        var counted = themes.Select(theme =>
        {
            var results = searcher.Search(ThemeSearchFilters.ForTheme(filters, theme.Name));
            var byCategory = results.Facets["category"].ToDictionary(f => f.Value, f => f.Count);
            return (theme, results.Total, byCategory);
        }).ToList();

        var categories = Enum.GetValues<SubmitterCategory>().Select(c => c.ToCode())
            .Where(c => counted.Any(x => x.byCategory.ContainsKey(c))).ToList();
        return new CoverageDto(prefix, categories, counted.Select(x => new ThemeCoverageDto(
            x.theme.Id,
            x.theme.Name,
            x.theme.Colour,
            x.Total,
            categories.ToDictionary(c => c, c => x.byCategory.GetValueOrDefault(c)),
            x.Total - x.byCategory.Values.Sum())).ToList());
    }

    /// <summary>"community-group" → "Community group".</summary>
    public static string Label(string category) =>
        category == Uncategorised ? "Uncategorised" : char.ToUpperInvariant(category[0]) + category[1..].Replace('-', ' ');
}
