using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Inquiries;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

/// <summary>
/// An inquiry's themes (by name) and, for each, the submissions that carry it among those the caller's
/// search filters select: what co-occurrence and balance count from.
/// </summary>
public sealed record ThemeCarriers(Inquiry Inquiry, IReadOnlyList<Theme> Themes, IReadOnlyList<IReadOnlySet<long>> Carriers)
{
    /// <summary>The themes and their carriers, or the problem to answer (filters not valid, no such inquiry for the caller).</summary>
    public static async Task<(ThemeCarriers? Found, ProblemHttpResult? Problem)> LoadAsync(
        string prefix, HttpRequest http, Caller caller, EvidenceDbContext db, EvidenceSearcher searcher, CancellationToken cancellationToken)
    {
        var filters = ThemeSearchFilters.Parse(http.Query, prefix, caller);
        if (filters.Request is null)
        {
            return (null, Problems.BadRequest("The search filters are not valid", filters.Problem!));
        }

        var inquiry = await InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        if (inquiry is null)
        {
            return (null, Problems.NotFound($"The inquiry '{prefix}'"));
        }

        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == inquiry.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var request = filters.Request with { Filters = new Dictionary<string, IReadOnlyList<string>>(filters.Request.Filters) { ["inquiry"] = [inquiry.Prefix] } };
        var carriers = themes.Select(t => searcher.SubmissionIds(ThemeSearchFilters.ForTheme(request, t.Name))).ToList();
        return (new ThemeCarriers(inquiry, themes, carriers), null);
    }
}
