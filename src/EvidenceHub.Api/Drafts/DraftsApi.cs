using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Http;
using EvidenceHub.Core;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Drafts;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Drafts;

/// <summary>
/// <c>POST /api/inquiries/{prefix}/drafts/check?format=json|docx</c>: a report author sends the draft
/// report (Word) and gets back every quotation checked against the inquiry's evidence — as a JSON
/// report, or as the draft itself with a Word comment at each finding. The draft is read in memory and
/// never stored.
/// </summary>
public static class DraftsApi
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapDrafts(this IEndpointRouteBuilder app)
    {
        // The report reads unpublished evidence and anonymous names: for the inquiry's authors only.
        // Changes are checked by AntiforgeryCheck (cookie) like every other, not by the form binder.
        app.MapPost("/api/inquiries/{prefix}/drafts/check", CheckAsync).WithTags("Quotes")
            .DisableAntiforgery().RequireInquiryRole(InquiryRole.Author, InquiryFrom.Prefix);
    }

    private static async Task<Results<Ok<DraftCheckDto>, FileContentHttpResult, ProblemHttpResult>> CheckAsync(
        string prefix, string? format, HttpRequest request, EvidenceDbContext db, DraftChecker checker,
        IOptions<EvidenceHubOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (format is not ("json" or "docx"))
        {
            return Problems.BadRequest("Unknown report format", $"'{format}' is not a report format; use json or docx.");
        }

        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var file = await UploadedFile.ReadAsync(request, cancellationToken);
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("No draft sent", "Send the draft report as multipart/form-data, the Word file in a field named 'file'.");
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "The draft is too large",
                $"The draft is {file.Length / (1024 * 1024):N0} MB; the limit is {options.Value.MaxUploadBytes / (1024 * 1024):N0} MB. Save it without embedded images and send it again.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (WordDraft.TryRead(bytes, out var problem) is not { } draft)
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "The draft is not a Word document", problem);
        }

        var report = await checker.CheckAsync(inquiry.Id, draft, cancellationToken);

        if (format == "json")
        {
            return TypedResults.Ok(report.AsDto());
        }

        var name = Path.GetFileNameWithoutExtension(file.FileName) is { Length: > 0 } stem ? stem : "draft";
        return TypedResults.File(DraftCommentWriter.Write(bytes, report, clock.GetUtcNow()), WordType, $"{Safe(name)}-checked.docx");
    }

    private static string Safe(string name)
    {
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? "draft" : safe.Length > 60 ? safe[..60] : safe;
    }
}
