using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Core.Replication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

/// <summary>
/// A worker's watch that no submission is left behind: at start-up it re-queues every submission that is
/// not indexed or failed (a crash or a lost in-memory queue loses nothing), and theme rules not yet
/// applied; then, on a schedule, those whose job has gone quiet for too long. It also prunes the index
/// change log past its retention. (Each web node checks its own index: <see cref="IndexFollower"/>.)
/// </summary>
public sealed class PipelineReconciler(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<EvidenceHubOptions> options,
    ILogger<PipelineReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReconcileAsync(staleAfter: TimeSpan.Zero, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.ReconcileEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ReconcileAsync(options.Value.ExtractionTimeout * 2, stoppingToken);
        }
    }

    private async Task ReconcileAsync(TimeSpan staleAfter, CancellationToken cancellationToken)
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
            queue.Process(stale.Select(s => s.Id).ToList());

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

            var expired = clock.GetUtcNow() - options.Value.ChangeLogRetention;
            var pruned = await db.Set<IndexChange>().Where(c => c.At < expired).ExecuteDeleteAsync(cancellationToken);
            if (pruned > 0)
            {
                logger.LogInformation("Pruned {Count} index changes older than {Days} days", pruned, options.Value.ChangeLogRetention.TotalDays);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reconciling the pipeline failed; will try again on the next round");
        }
    }
}
