using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Moves a submission through queued → extracting → indexed | failed, stamping when.</summary>
public sealed class SubmissionStatusWriter(EvidenceDbContext db, TimeProvider clock)
{
    public async Task SetAsync(Submission submission, ProcessingStatus status, CancellationToken cancellationToken)
    {
        submission.Status = status;
        submission.StatusChangedAt = clock.GetUtcNow();
        if (status != ProcessingStatus.Failed)
        {
            submission.FailureKind = null;
            submission.FailureReason = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task FailAsync(Submission submission, ExtractionFailureKind kind, string reason, CancellationToken cancellationToken)
    {
        submission.FailureKind = kind;
        submission.FailureReason = reason;
        await SetAsync(submission, ProcessingStatus.Failed, cancellationToken);
    }
}
