using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Submissions;

public sealed record PublicationRequest(string? Publication);

public sealed record PasswordRequest(string? Password);

/// <summary>A correction of a submission's metadata: codes and dates as on upload; a field left out (or null) stays as it is.</summary>
public sealed record SubmissionEditRequest(
    string? Title, string? SubmitterName, string? Organisation, string? Category, string? Kind, string? ReceivedOn, bool? Anonymous);

/// <summary>What a clerk does to a submission: decide its publication, supply a password, correct its metadata, delete it.</summary>
public static class SubmissionActions
{
    public static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> SetPublicationAsync(
        string reference, PublicationRequest request, Caller caller, SubmissionPublication publications, CancellationToken cancellationToken)
    {
        if (!Codes.TryParse<Publication>(request.Publication, out var publication))
        {
            return Problems.BadRequest("Unknown publication status",
                $"'{request.Publication}' is not a publication status; use one of {Codes.List<Publication>()}.");
        }

        var submission = await publications.SetAsync(reference, publication, caller.Actor, cancellationToken);
        return submission is null
            ? Problems.NotFound($"The submission {reference}")
            : TypedResults.Ok(submission.AsDto(submission.Inquiry!.Prefix));
    }

    /// <summary><c>PATCH /api/submissions/{reference}</c>: corrects what is known about the submission; fields left out stay.</summary>
    public static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> EditAsync(
        string reference, SubmissionEditRequest request, Caller caller, SubmissionMetadataEdit edits, CancellationToken cancellationToken)
    {
        var change = new MetadataChange(request.Title, request.SubmitterName, request.Organisation, request.Category, request.Kind,
            request.ReceivedOn, request.Anonymous);
        return await edits.ApplyAsync(reference, change, caller.Actor, cancellationToken) switch
        {
            null => Problems.NotFound($"The submission {reference}"),
            MetadataEditResult.Invalid i => Problems.BadRequest("The change is not valid", i.Problem),
            MetadataEditResult.Saved s => TypedResults.Ok(s.Submission.AsDto(s.Submission.Inquiry!.Prefix)),
            _ => throw new InvalidOperationException("Unknown edit result."),
        };
    }

    /// <summary><c>DELETE /api/submissions/{reference}</c>: an erasure request (see <see cref="SubmissionDeletion"/>).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string reference, Caller caller, SubmissionDeletion deletion, CancellationToken cancellationToken) =>
        await deletion.DeleteAsync(reference, caller.Actor, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"The submission {reference}");

    public static async Task<Results<Accepted<SubmissionDto>, ProblemHttpResult>> SupplyPasswordAsync(
        string reference, PasswordRequest request, Caller caller, EvidenceDbContext db, IPipelineQueue queue, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Password))
        {
            return Problems.BadRequest("No password given", "Send the password as { \"password\": \"…\" }.");
        }

        var submission = await db.Submissions.Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        if (submission.FailureKind != ExtractionFailureKind.NeedsPassword)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "This submission is not waiting for a password",
                $"{submission.Reference} is {submission.Status.ToCode()}; only a file that needs a password takes one.");
        }

        submission.Password = request.Password;
        submission.Queue(clock.GetUtcNow());
        audit.Add(caller.Actor, AuditActions.PasswordSupplied, submission.Inquiry!.Prefix, submission.Reference);
        await db.SaveChangesAsync(cancellationToken);
        queue.Process(submission.Id);
        return TypedResults.Accepted($"/api/submissions/{submission.Reference}", submission.AsDto(submission.Inquiry!.Prefix));
    }
}
