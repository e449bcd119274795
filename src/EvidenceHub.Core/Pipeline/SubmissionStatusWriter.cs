using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Saves the pipeline's moves of a submission through queued → extracting → indexed | failed (the moves are <see cref="Submission"/>'s own).</summary>
public sealed class SubmissionStatusWriter(EvidenceDbContext db, TimeProvider clock)
{
    public async Task SetAsync(Submission submission, ProcessingStatus status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (status)
        {
            case ProcessingStatus.Queued:
                submission.Queue(now);
                break;
            case ProcessingStatus.Extracting:
                submission.Start(now);
                break;
            case ProcessingStatus.Indexed:
                submission.MarkIndexed(now);
                break;
            default:
                throw new ArgumentException("A failure needs its reason: use FailAsync.", nameof(status));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task FailAsync(Submission submission, ExtractionFailureKind kind, string reason, CancellationToken cancellationToken)
    {
        submission.Fail(kind, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
