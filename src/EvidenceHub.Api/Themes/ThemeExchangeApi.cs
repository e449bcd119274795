using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Http;
using EvidenceHub.Core;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes.Exchange;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Themes;

public sealed record CodeClashDto(string Name, long ExistingThemeId, string ExistingName);

public sealed record NestedCodeDto(string Name, IReadOnlyList<string> Parents);

public sealed record CodebookImportDto(IReadOnlyList<ThemeDto> Added, IReadOnlyList<CodeClashDto> Clashes, IReadOnlyList<NestedCodeDto> Nested);

/// <summary>
/// Exchange with qualitative-analysis software (REFI-QDA): the inquiry as a <c>.qdpx</c> project for its
/// staff, and a codebook (<c>.qdc</c> or <c>.qdpx</c>) taken in as themes by its researchers.
/// </summary>
public static class ThemeExchangeApi
{
    public static void MapThemeExchange(this IEndpointRouteBuilder app)
    {
        // The project holds unpublished evidence and who tagged what: the inquiry's staff only.
        app.MapGet("/api/inquiries/{prefix}/export/qdpx", ExportAsync).WithTags("Themes").RequireInquiryMember(InquiryFrom.Prefix);
        // Changes are checked by AntiforgeryCheck (cookie) like every other, not by the form binder.
        app.MapPost("/api/inquiries/{prefix}/themes/import", ImportAsync).WithTags("Themes")
            .DisableAntiforgery().RequireInquiryRole(InquiryRole.Researcher, InquiryFrom.Prefix);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string prefix, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var bytes = await QdpxProjectExport.WriteAsync(db, inquiry, clock.GetUtcNow(), cancellationToken);
        return TypedResults.File(bytes, "application/zip", $"{inquiry.Prefix}.qdpx");
    }

    private static async Task<Results<Ok<CodebookImportDto>, ProblemHttpResult>> ImportAsync(
        string prefix, HttpRequest request, EvidenceDbContext db, IOptions<EvidenceHubOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var file = await UploadedFile.ReadAsync(request, cancellationToken);
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("No codebook sent", "Send the codebook (.qdc) or project (.qdpx) as multipart/form-data in a field named 'file'.");
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "The file is too large",
                "Export the codebook alone (.qdc) from the analysis software and import that.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        if (QdaCodebookReader.Read(buffer.ToArray(), out var problem) is not { } codes)
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Not a REFI-QDA codebook", problem);
        }

        if (codes.Count == 0)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "The codebook has no codes", "The file holds no codes to add as themes.");
        }

        CodebookImportResult result;
        try
        {
            result = await CodebookImport.AddAsync(db, inquiry.Id, codes, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "A theme was added meanwhile",
                "Another theme with one of these names was saved while the codebook was being added; nothing was added. Import it again.");
        }

        return TypedResults.Ok(new CodebookImportDto(
            result.Added.Select(t => t.AsDto(inquiry.Prefix)).ToList(),
            result.Clashes.Select(c => new CodeClashDto(c.Name, c.ExistingThemeId, c.ExistingName)).ToList(),
            result.Nested.Select(c => new NestedCodeDto(c.Name, c.Parents)).ToList()));
    }
}
