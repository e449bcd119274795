using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceHub.Api.Themes;

public sealed record CooccurrenceThemeDto(long Id, string Name, string Colour, int Submissions);

/// <summary>Two themes (by id) and how many submissions carry both.</summary>
public sealed record CooccurrencePairDto(long A, long B, int Submissions);

public sealed record CooccurrenceDto(string Inquiry, IReadOnlyList<CooccurrenceThemeDto> Themes, IReadOnlyList<CooccurrencePairDto> Pairs);

/// <summary>
/// For each pair of an inquiry's themes, the submissions that carry both. Each theme's submissions are those a
/// search filtered to it finds (its total is the theme facet's count, under the caller's visibility and the
/// search filters), so the diagonal is coverage's total and no pair can count what the caller may not read.
/// </summary>
public static class ThemeCooccurrence
{
    public static async Task<Results<Ok<CooccurrenceDto>, ContentHttpResult, ProblemHttpResult>> GetAsync(
        string prefix, string? format, HttpRequest http, Caller caller, EvidenceDbContext db, EvidenceSearcher searcher, CancellationToken cancellationToken)
    {
        if (format is not (null or "" or "json" or "csv" or "svg"))
        {
            return Problems.BadRequest("Unknown format", $"'{format}' is not a format; use json, csv or svg.");
        }

        var (found, problem) = await ThemeCarriers.LoadAsync(prefix, http, caller, db, searcher, cancellationToken);
        if (found is null)
        {
            return problem!;
        }

        var (inquiry, themes, carriers) = found;
        var pairs = new List<CooccurrencePairDto>();
        for (var a = 0; a < themes.Count; a++)
        {
            for (var b = a + 1; b < themes.Count; b++)
            {
                pairs.Add(new CooccurrencePairDto(themes[a].Id, themes[b].Id, carriers[a].Count(carriers[b].Contains)));
            }
        }

        var result = new CooccurrenceDto(inquiry.Prefix, themes.Select((t, i) => new CooccurrenceThemeDto(t.Id, t.Name, t.Colour, carriers[i].Count)).ToList(), pairs);
        return format switch
        {
            "csv" => TypedResults.Text(CooccurrenceCsv.Write(result), "text/csv; charset=utf-8"),
            "svg" => TypedResults.Text(CooccurrenceChart.Svg(result, inquiry.Title), "image/svg+xml; charset=utf-8"),
            _ => TypedResults.Ok(result),
        };
    }

    /// <summary>The count for two themes by position; on the diagonal, the theme's own submissions.</summary>
    public static int Count(CooccurrenceDto result, int a, int b)
    {
        if (a == b)
        {
            return result.Themes[a].Submissions;
        }

        var (x, y) = (result.Themes[Math.Min(a, b)].Id, result.Themes[Math.Max(a, b)].Id);
        return result.Pairs.First(p => p.A == x && p.B == y).Submissions;
    }
}
