using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Campaigns;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

/// <summary>
/// Who says what a theme says: its submissions' distinct submitters and categories, the share from campaigns
/// (and from its largest campaign), written against oral evidence, quotes taken from them (null for anyone
/// who may not read quotes), and plain flags.
/// </summary>
public sealed record ThemeBalanceDto(
    long Id,
    string Name,
    string Colour,
    int Submissions,
    int Submitters,
    IReadOnlyDictionary<string, int> Categories,
    double CampaignShare,
    double LargestCampaignShare,
    int Written,
    int Oral,
    int? Quotes,
    IReadOnlyList<string> Flags);

public sealed record BalanceDto(string Inquiry, IReadOnlyList<ThemeBalanceDto> Themes);

/// <summary>
/// The evidence balance behind each theme. A theme's submissions are those a search filtered to it finds, under
/// the caller's visibility and the search filters (as coverage counts them); the rest is read from the database
/// for those submissions only, so nothing is counted that the caller may not read.
/// </summary>
public static class ThemeBalance
{
    public const string OneCategory = "rests on one category";
    public const string MostlyOneCampaign = "mostly one campaign";
    public const string NoOral = "no oral evidence";
    public const string NoQuote = "no quote yet";

    public static async Task<Results<Ok<BalanceDto>, ContentHttpResult, ProblemHttpResult>> GetAsync(
        string prefix, string? format, HttpRequest http, Caller caller, EvidenceDbContext db, EvidenceSearcher searcher, CancellationToken cancellationToken)
    {
        if (format is not (null or "" or "json" or "csv"))
        {
            return Problems.BadRequest("Unknown format", $"'{format}' is not a format; use json or csv.");
        }

        var (found, problem) = await ThemeCarriers.LoadAsync(prefix, http, caller, db, searcher, cancellationToken);
        if (found is null)
        {
            return problem!;
        }

        var (inquiry, themes, carriers) = found;
        var ids = carriers.SelectMany(c => c).Distinct().ToList();
        var readsQuotes = caller.Reads(inquiry.Id);
        var facts = await FactsAsync(db, ids, readsQuotes, cancellationToken);
        var balance = new BalanceDto(inquiry.Prefix, themes.Select((t, i) => Of(t, carriers[i], facts, readsQuotes)).ToList());
        return format == "csv" ? TypedResults.Text(BalanceCsv.Write(balance), "text/csv; charset=utf-8") : TypedResults.Ok(balance);
    }

    private sealed record Facts(string Submitter, string? Category, bool Oral, long? Campaign, int Quotes);

    private static async Task<Dictionary<long, Facts>> FactsAsync(EvidenceDbContext db, List<long> ids, bool readsQuotes, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.SubmitterName, s.Organisation, s.Category, s.Kind }).ToListAsync(cancellationToken);
        var campaigns = await db.Set<CampaignMember>().AsNoTracking().Where(m => ids.Contains(m.SubmissionId) && m.Origin != CampaignOrigin.Excluded)
            .ToDictionaryAsync(m => m.SubmissionId, m => m.CampaignId, cancellationToken);
        var quotes = readsQuotes
            ? await db.Set<Quote>().AsNoTracking().Where(q => q.SubmissionId != null && ids.Contains(q.SubmissionId.Value))
                .GroupBy(q => q.SubmissionId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken)
            : null;
        // A submitter is their organisation where they gave one, else their name: counted, never shown.
        return submissions.ToDictionary(s => s.Id, s => new Facts(
            (s.Organisation ?? s.SubmitterName).Trim().ToUpperInvariant(),
            s.Category?.ToCode(),
            s.Kind == SubmissionKind.Oral,
            campaigns.TryGetValue(s.Id, out var c) ? c : null,
            quotes?.GetValueOrDefault(s.Id) ?? 0));
    }

    private static ThemeBalanceDto Of(Theme theme, IReadOnlySet<long> carriers, Dictionary<long, Facts> facts, bool readsQuotes)
    {
        var mine = carriers.Where(facts.ContainsKey).Select(id => facts[id]).ToList();
        var n = mine.Count;
        var categories = mine.GroupBy(f => f.Category ?? ThemeCoverage.Uncategorised).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var inCampaigns = mine.Count(f => f.Campaign is not null);
        var largest = mine.Where(f => f.Campaign is not null).GroupBy(f => f.Campaign).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var oral = mine.Count(f => f.Oral);
        int? quotes = readsQuotes ? mine.Sum(f => f.Quotes) : null;
        var flags = new List<string>();
        if (n > 1 && categories.Keys.Count(c => c != ThemeCoverage.Uncategorised) <= 1)
        {
            flags.Add(OneCategory);
        }

        if (n > 0 && largest * 2 > n)
        {
            flags.Add(MostlyOneCampaign);
        }

        if (n > 0 && oral == 0)
        {
            flags.Add(NoOral);
        }

        if (n > 0 && quotes == 0)
        {
            flags.Add(NoQuote);
        }

        return new ThemeBalanceDto(theme.Id, theme.Name, theme.Colour, n, mine.Select(f => f.Submitter).Distinct().Count(), categories,
            Share(inCampaigns, n), Share(largest, n), n - oral, oral, quotes, flags);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 3);
}
