using System.Diagnostics;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The "index" job: replaces a submission's passages in the index with those in the database (with
/// their themes), then queues the evaluation of its inquiry's theme rules for it. That job re-indexes
/// the submission itself, only when its tags changed, so index → themes never loops.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class IndexSubmissionJob(
    EvidenceDbContext db,
    PassageIndex index,
    SubmissionIndexer indexer,
    TaggingGate gate,
    SubmissionStatusWriter status,
    IPipelineQueue queue,
    ILogger<IndexSubmissionJob> logger)
{
    public async Task RunAsync(long submissionId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        int passages;
        using (await gate.EnterAsync(cancellationToken))
        {
            passages = await indexer.ReplaceAsync([submissionId], cancellationToken);
            index.Commit();
        }

        if (submission is null || submission.Status == ProcessingStatus.Failed)
        {
            return;
        }

        if (submission.Status != ProcessingStatus.Indexed)
        {
            await status.SetAsync(submission, ProcessingStatus.Indexed, cancellationToken);
        }

        if (await db.Set<Theme>().AnyAsync(t => t.InquiryId == submission.InquiryId, cancellationToken))
        {
            queue.ApplyThemes(submissionId);
        }

        logger.LogInformation("Indexed {Reference}: {Passages} passages in {ElapsedMs} ms",
            submission.Reference, passages, clock.ElapsedMilliseconds);
    }
}
