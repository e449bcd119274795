using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Inquiries;
using EvidenceHub.Api.Search;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

/// <summary>The codebook: an inquiry's themes, each with a rule re-applied in the background when it changes.</summary>
public static class ThemesApi
{
    public static void MapThemes(this IEndpointRouteBuilder app)
    {
        var inquiry = app.MapGroup("/api/inquiries/{prefix}/themes").WithTags("Themes");
        inquiry.MapGet("/", ListAsync).AllowPublic();
        inquiry.MapPost("/", ThemeCodebook.CreateAsync).RequireInquiryRole(InquiryRole.Researcher, InquiryFrom.Prefix);
        inquiry.MapGet("/coverage", ThemeCoverage.GetAsync).AllowPublic().ReadsIndex();
        inquiry.MapGet("/cooccurrence", ThemeCooccurrence.GetAsync).AllowPublic().ReadsIndex();
        inquiry.MapGet("/balance", ThemeBalance.GetAsync).AllowPublic().ReadsIndex();

        var theme = app.MapGroup("/api/themes/{id:long}").WithTags("Themes");
        theme.MapGet("/", GetAsync).AllowPublic();
        theme.MapPut("/", ThemeCodebook.UpdateAsync).RequireInquiryRole(InquiryRole.Researcher, InquiryFrom.Theme);
        theme.MapDelete("/", ThemeCodebook.DeleteAsync).RequireInquiryRole(InquiryRole.Researcher, InquiryFrom.Theme);

        app.MapThemeTags();
        app.MapThemeExchange();
    }

    private static async Task<Results<Ok<List<ThemeDto>>, ProblemHttpResult>> ListAsync(
        string prefix, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var inquiry = await InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == inquiry.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(themes.Select(t => t.AsDto(inquiry.Prefix, caller.Reads(inquiry.Id))).ToList());
    }

    private static async Task<Results<Ok<ThemeDto>, ProblemHttpResult>> GetAsync(long id, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var theme = await db.Set<Theme>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var prefix = theme is null ? null : await db.Inquiries.Where(i => i.Id == theme.InquiryId).Select(i => i.Prefix).FirstAsync(cancellationToken);
        if (theme is null || await InquiryLookup.FindAsync(db, caller, prefix!, cancellationToken) is null)
        {
            return Problems.NotFound($"The theme {id}");
        }

        return TypedResults.Ok(theme.AsDto(prefix!, caller.Reads(theme.InquiryId)));
    }
}
