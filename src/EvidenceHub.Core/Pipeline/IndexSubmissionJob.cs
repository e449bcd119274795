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
/// The "index" job: replaces a submission's passages in the index with those in the database, then
/// evaluates its inquiry's theme rules for it and, when its tags changed, indexes it again with them.
/// Only then is the submission "indexed": a crash before that leaves it unfinished, and the reconciler
/// runs it again, so no submission is ever searchable without its themes. A submission that has been
/// deleted has its entries taken out (if any were left) and nothing else: the job ends quietly.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class IndexSubmissionJob(
    EvidenceDbContext db,
    PassageIndex index,
    SubmissionIndexer indexer,
    SubmissionThemeEvaluator themes,
    TaggingGate gate,
    SubmissionStatusWriter status,
    ILogger<IndexSubmissionJob> logger)
{
    public async Task RunAsync(long submissionId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (submission, passages, retagged) = await IndexWithThemesAsync(submissionId, cancellationToken);
        if (submission is null || submission.Status == ProcessingStatus.Failed)
        {
            return;
        }

        if (submission.Status != ProcessingStatus.Indexed)
        {
            try
            {
                await status.SetAsync(submission, ProcessingStatus.Indexed, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Deleted since it was indexed above; the deletion took its entries out after this job wrote them.
                logger.LogInformation("{Reference} was deleted while it was being indexed", submission.Reference);
                return;
            }
        }

        logger.LogInformation("Indexed {Reference}: {Passages} passages{Themes} in {ElapsedMs} ms",
            submission.Reference, passages, retagged ? " (themes changed)" : string.Empty, clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// The same for a submission whose tags or publication changed, leaving its status alone: if a
    /// corrected version is waiting or being read, the index job that follows its extraction is the one
    /// that marks it indexed.
    /// </summary>
    public async Task RefreshAsync(long submissionId, CancellationToken cancellationToken) =>
        await IndexWithThemesAsync(submissionId, cancellationToken);

    private async Task<(Submission? Submission, int Passages, bool Retagged)> IndexWithThemesAsync(long submissionId, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            // Read under the gate: a deletion (which takes the gate) is either wholly before this or after it.
            var submission = await db.Submissions.Include(s => s.Inquiry).FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
            var passages = await indexer.ReplaceAsync([submissionId], cancellationToken);
            index.Commit();
            if (submission is not null && submission.Status != ProcessingStatus.Failed
                && await themes.EvaluateAsync(submission, submission.Inquiry!.Prefix, cancellationToken))
            {
                await indexer.ReplaceAsync([submissionId], cancellationToken);
                index.Commit();
                return (submission, passages, true);
            }

            return (submission, passages, false);
        }
    }
}
