using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Citations;

public sealed record CitationTemplateDto(string Written, string Page, string Oral, string Transcript, IReadOnlyList<string> Placeholders);

public sealed record CitationTemplateRequest(string? Written, string? Page, string? Oral, string? Transcript = null);

/// <summary>An inquiry's citation templates: <c>GET|PUT|DELETE /api/inquiries/{prefix}/citation-template</c> (delete restores the defaults).</summary>
public static class CitationTemplateApi
{
    public static void MapCitationTemplates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inquiries/{prefix}/citation-template").WithTags("Inquiries");
        group.MapGet("/", GetAsync).AllowPublic();
        group.MapPut("/", PutAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Prefix);
        group.MapDelete("/", ResetAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Prefix);
    }

    private static async Task<Results<Ok<CitationTemplateDto>, ProblemHttpResult>> GetAsync(string prefix, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var inquiry = await EvidenceHub.Api.Inquiries.InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        return inquiry is null
            ? Problems.NotFound($"The inquiry '{prefix}'")
            : TypedResults.Ok(AsDto(await new CitationStyles(db).ForInquiryAsync(inquiry.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<CitationTemplateDto>, ProblemHttpResult>> PutAsync(
        string prefix, CitationTemplateRequest request, EvidenceDbContext db, CitationStyleCache cache, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var current = await new CitationStyles(db).ForInquiryAsync(inquiry.Id, cancellationToken);
        var style = new CitationStyle(request.Written ?? current.Written, request.Page ?? current.Page, request.Oral ?? current.Oral,
            request.Transcript ?? current.Transcript);
        var problem = CitationStyle.Problem(style.Written, "written", "paragraph")
            ?? CitationStyle.Problem(style.Page, "page", "page")
            ?? CitationStyle.Problem(style.Oral, "oral", "question")
            ?? CitationStyle.Problem(style.Transcript, "transcript", "page");
        if (problem is not null)
        {
            return Problems.BadRequest("The citation template is not valid", problem);
        }

        var row = await db.Set<InquiryCitationTemplate>().FirstOrDefaultAsync(t => t.InquiryId == inquiry.Id, cancellationToken);
        if (row is null)
        {
            row = new InquiryCitationTemplate { InquiryId = inquiry.Id, Written = style.Written, Page = style.Page, Oral = style.Oral };
            db.Add(row);
        }

        (row.Written, row.Page, row.Oral, row.Transcript) = (style.Written, style.Page, style.Oral, style.Transcript);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return TypedResults.Ok(AsDto(style));
    }

    private static async Task<Results<Ok<CitationTemplateDto>, ProblemHttpResult>> ResetAsync(
        string prefix, EvidenceDbContext db, CitationStyleCache cache, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        await db.Set<InquiryCitationTemplate>().Where(t => t.InquiryId == inquiry.Id).ExecuteDeleteAsync(cancellationToken);
        cache.Invalidate();
        return TypedResults.Ok(AsDto(CitationStyle.Default));
    }

    private static CitationTemplateDto AsDto(CitationStyle style) =>
        new(style.Written, style.Page, style.Oral, style.Transcript, CitationStyle.Placeholders.Select(p => "{" + p + "}").ToList());
}
