using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

/// <summary>
/// Makes sure no submission is left behind: at start-up it re-queues every submission that is not
/// indexed or failed (a crash or a lost in-memory queue loses nothing) and rebuilds an index that has
/// gone missing; then, on a schedule, it re-queues submissions whose job has gone quiet for too long.
/// Every round it also checks the index against the database (<see cref="IndexRepair"/>) and rewrites
/// any submission whose publication, anonymity or passages differ.
/// </summary>
public sealed class PipelineReconciler(
    IServiceScopeFactory scopes,
    PassageIndex index,
    TimeProvider clock,
    IOptions<EvidenceHubOptions> options,
    ILogger<PipelineReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReconcileAsync(staleAfter: TimeSpan.Zero, checkIndex: true, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.ReconcileEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ReconcileAsync(options.Value.ExtractionTimeout * 2, checkIndex: false, stoppingToken);
        }
    }

    private async Task ReconcileAsync(TimeSpan staleAfter, bool checkIndex, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
            var queue = scope.ServiceProvider.GetRequiredService<IPipelineQueue>();
            var before = clock.GetUtcNow() - staleAfter;
            var pending = await db.Submissions.AsNoTracking()
                .Where(s => s.Status == ProcessingStatus.Queued || s.Status == ProcessingStatus.Extracting)
                .Select(s => new { s.Id, s.StatusChangedAt }).ToListAsync(cancellationToken);
            var stale = pending.Where(s => staleAfter == TimeSpan.Zero || s.StatusChangedAt <= before).ToList();
            foreach (var submission in stale)
            {
                queue.Extract(submission.Id);
            }

            if (stale.Count > 0)
            {
                logger.LogInformation("Re-queued {Count} unfinished submissions", stale.Count);
            }

            var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.AppliedVersion < t.RuleVersion)
                .Select(t => new { t.Id, t.UpdatedAt }).ToListAsync(cancellationToken);
            foreach (var theme in themes.Where(t => staleAfter == TimeSpan.Zero || t.UpdatedAt <= before))
            {
                queue.ApplyTheme(theme.Id);
            }

            if (index.PassageCount > 0)
            {
                var repaired = await scope.ServiceProvider.GetRequiredService<IndexRepair>().RepairAsync(cancellationToken);
                if (repaired.Count > 0)
                {
                    logger.LogWarning("The index differed from the database for {Count} submissions ({Ids}); rewrote them", repaired.Count, string.Join(", ", repaired.Take(20)));
                }
            }

            if (checkIndex && index.PassageCount == 0 &&
                await db.Submissions.AnyAsync(s => s.Status == ProcessingStatus.Indexed && s.PassageCount > 0, cancellationToken))
            {
                logger.LogWarning("The index is empty but the database holds indexed submissions: rebuilding it");
                queue.Reindex();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reconciling the pipeline failed; will try again on the next round");
        }
    }
}
