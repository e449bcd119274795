using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Submissions.Batch;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Submissions;

public sealed record BatchRowDto(string File, string Outcome, string? Reference, string? ExistingReference, string? Reason);

public sealed record BatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchRowDto> Rows);

/// <summary><c>POST /api/inquiries/{prefix}/submissions/batch</c>: a ZIP of documents with manifest.csv.</summary>
public static class BatchUpload
{
    public static async Task<Results<Accepted<BatchResponse>, ProblemHttpResult>> UploadBatchAsync(
        string prefix, HttpRequest request, Caller caller, SubmissionBatchIntake batches, IOptions<EvidenceHubOptions> options, CancellationToken cancellationToken)
    {
        // A batch may be larger than one file: lift this request's limits to the batch limit (plus room for the
        // form around it, so an oversize ZIP reaches the check below and gets a 413 that names the limit).
        var limit = options.Value.MaxBatchBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + OptionsRegistration.RequestSlack;
        }

        var form = request.HasFormContentType
            ? await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + OptionsRegistration.RequestSlack }, cancellationToken)
            : null;
        if (form?.Files.GetFile("file") is not { } file)
        {
            return Problems.BadRequest("The upload form is not complete", "Send the ZIP as multipart/form-data in a field named 'file'.");
        }

        if (file.Length > limit)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "The batch is too large",
                $"The ZIP is {file.Length / 1024.0 / 1024.0:0.#} MB; a batch takes at most {limit / 1024.0 / 1024.0:0.#} MB. Split it into smaller ZIPs.");
        }

        // Spooled to a temporary file (deleted on close), not memory: the ZIP reader needs to seek.
        await using var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.CopyToAsync(zip, cancellationToken);
        zip.Position = 0;
        return await batches.AcceptAsync(prefix, zip, caller.Actor, cancellationToken) switch
        {
            BatchResult.Processed p => TypedResults.Accepted($"/api/inquiries/{prefix}/submissions", new BatchResponse(
                p.Rows.Count(r => r.Outcome == BatchOutcome.Accepted),
                p.Rows.Count(r => r.Outcome == BatchOutcome.Duplicate),
                p.Rows.Count(r => r.Outcome == BatchOutcome.Rejected),
                p.Rows.Select(r => new BatchRowDto(r.File, r.Outcome.ToCode(), r.Reference, r.ExistingReference, r.Reason)).ToList())),
            BatchResult.Refused { Reason: IntakeRefusal.Empty } r => Problems.BadRequest("The batch cannot be read", r.Detail),
            BatchResult.Refused { Reason: IntakeRefusal.TooLarge } r => Problems.Of(StatusCodes.Status413PayloadTooLarge, "The batch is too large", r.Detail),
            BatchResult.Refused r => SubmissionsApi.Refusal(new IntakeResult.Refused(r.Reason, r.Detail)),
            _ => throw new InvalidOperationException("Unknown batch result."),
        };
    }
}
