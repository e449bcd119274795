using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Submissions;

public sealed record PublicationRequest(string? Publication);

public sealed record PasswordRequest(string? Password);

/// <summary>What a clerk does to a submission: decide its publication, supply a password.</summary>
public static class SubmissionActions
{
    public static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> SetPublicationAsync(
        string reference, PublicationRequest request, EvidenceDbContext db, IPipelineQueue queue, CancellationToken cancellationToken)
    {
        if (!Codes.TryParse<Publication>(request.Publication, out var publication))
        {
            return Problems.BadRequest("Unknown publication status",
                $"'{request.Publication}' is not a publication status; use one of {Codes.List<Publication>()}.");
        }

        var submission = await db.Submissions.Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        submission.Publication = publication;
        await db.SaveChangesAsync(cancellationToken);
        queue.Refresh(submission.Id); // the index filters by publication

        return TypedResults.Ok(submission.AsDto(submission.Inquiry!.Prefix));
    }

    public static async Task<Results<Accepted<SubmissionDto>, ProblemHttpResult>> SupplyPasswordAsync(
        string reference, PasswordRequest request, EvidenceDbContext db, IPipelineQueue queue, TimeProvider clock, CancellationToken cancellationToken)
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
        submission.Status = ProcessingStatus.Queued;
        submission.FailureKind = null;
        submission.FailureReason = null;
        submission.StatusChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        queue.Extract(submission.Id);
        return TypedResults.Accepted($"/api/submissions/{submission.Reference}", submission.AsDto(submission.Inquiry!.Prefix));
    }
}
