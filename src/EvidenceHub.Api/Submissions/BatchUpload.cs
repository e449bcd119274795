using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Submissions.Batch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceHub.Api.Submissions;

public sealed record BatchRowDto(string File, string Outcome, string? Reference, string? ExistingReference, string? Reason);

public sealed record BatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchRowDto> Rows);

/// <summary><c>POST /api/inquiries/{prefix}/submissions/batch</c>: a ZIP of documents with manifest.csv.</summary>
public static class BatchUpload
{
    public static async Task<Results<Accepted<BatchResponse>, ProblemHttpResult>> UploadBatchAsync(
        string prefix, HttpRequest request, SubmissionBatchIntake batches, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") is not { } file)
        {
            return Problems.BadRequest("The upload form is not complete", "Send the ZIP as multipart/form-data in a field named 'file'.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await batches.AcceptAsync(prefix, buffer.ToArray(), cancellationToken) switch
        {
            BatchResult.Processed p => TypedResults.Accepted($"/api/inquiries/{prefix}/submissions", new BatchResponse(
                p.Rows.Count(r => r.Outcome == BatchOutcome.Accepted),
                p.Rows.Count(r => r.Outcome == BatchOutcome.Duplicate),
                p.Rows.Count(r => r.Outcome == BatchOutcome.Rejected),
                p.Rows.Select(r => new BatchRowDto(r.File, r.Outcome.ToCode(), r.Reference, r.ExistingReference, r.Reason)).ToList())),
            BatchResult.Refused { Reason: IntakeRefusal.Empty } r => Problems.BadRequest("The batch cannot be read", r.Detail),
            BatchResult.Refused r => SubmissionsApi.Refusal(new IntakeResult.Refused(r.Reason, r.Detail)),
            _ => throw new InvalidOperationException("Unknown batch result."),
        };
    }
}
