using System.Diagnostics;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>The "index" job: replaces a submission's passages in the index with those in the database.</summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class IndexSubmissionJob(
    EvidenceDbContext db,
    PassageIndex index,
    SubmissionStatusWriter status,
    ILogger<IndexSubmissionJob> logger)
{
    public async Task RunAsync(long submissionId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var submission = await db.Submissions.Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null || submission.Status == ProcessingStatus.Failed)
        {
            index.DeleteSubmission(submissionId);
            index.Commit();
            return;
        }

        var passages = await db.Passages.AsNoTracking().Where(p => p.SubmissionId == submissionId)
            .OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        index.ReplaceSubmission(submissionId, SubmissionDocuments.For(submission, submission.Inquiry!.Prefix, passages));
        index.Commit();
        if (submission.Status != ProcessingStatus.Indexed)
        {
            await status.SetAsync(submission, ProcessingStatus.Indexed, cancellationToken);
        }

        logger.LogInformation("Indexed {Reference}: {Passages} passages in {ElapsedMs} ms",
            submission.Reference, passages.Count, clock.ElapsedMilliseconds);
    }
}
