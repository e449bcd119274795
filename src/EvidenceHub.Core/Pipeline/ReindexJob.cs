using System.Diagnostics;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Rebuilds the whole index from the database, the source of truth.</summary>
[AutomaticRetry(Attempts = 1, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ReindexJob(EvidenceDbContext db, PassageIndex index, ILogger<ReindexJob> logger)
{
    private const int Batch = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        index.DeleteAll();
        var submissions = 0;
        var passages = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.Submissions.AsNoTracking().Include(s => s.Inquiry)
                .Where(s => s.Id > lastId && s.Status == ProcessingStatus.Indexed)
                .OrderBy(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(s => s.Id).ToList();
            var texts = (await db.Passages.AsNoTracking().Where(p => ids.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
                .ToLookup(p => p.SubmissionId);
            foreach (var submission in batch)
            {
                var own = texts[submission.Id].OrderBy(p => p.Ordinal).ToList();
                index.ReplaceSubmission(submission.Id, SubmissionDocuments.For(submission, submission.Inquiry!.Prefix, own));
                passages += own.Count;
            }

            submissions += batch.Count;
            lastId = batch[^1].Id;
        }

        index.Commit();
        logger.LogInformation("Reindexed {Submissions} submissions ({Passages} passages) in {ElapsedMs} ms",
            submissions, passages, clock.ElapsedMilliseconds);
    }
}
