using System.Diagnostics;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Rebuilds the whole index (passages and their themes) from the database, the source of truth.</summary>
[AutomaticRetry(Attempts = 1, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ReindexJob(EvidenceDbContext db, PassageIndex index, SubmissionIndexer indexer, TaggingGate gate, ILogger<ReindexJob> logger)
{
    private const int Batch = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var entered = await gate.EnterAsync(cancellationToken);
        index.DeleteAll();
        var submissions = 0;
        var passages = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.Submissions.AsNoTracking()
                .Where(s => s.Id > lastId && s.Status == ProcessingStatus.Indexed)
                .OrderBy(s => s.Id).Select(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            passages += await indexer.ReplaceAsync(batch, cancellationToken);
            submissions += batch.Count;
            lastId = batch[^1];
        }

        index.Commit();
        logger.LogInformation("Reindexed {Submissions} submissions ({Passages} passages) in {ElapsedMs} ms",
            submissions, passages, clock.ElapsedMilliseconds);
    }
}
