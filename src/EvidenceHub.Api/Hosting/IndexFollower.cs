using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Replication;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

/// <summary>
/// A web node's follower: starts its <see cref="IndexReplica"/> (building the first index when there is
/// none), reads the change log every <see cref="EvidenceHubOptions.ReplicaPollInterval"/>, and on the
/// reconciler's schedule checks the index against the database (<see cref="IndexRepair"/>).
/// </summary>
public sealed class IndexFollower(
    IndexReplica replica,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<EvidenceHubOptions> options,
    ILogger<IndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host goes on starting while the replica reads its watermark
        await replica.StartAsync(stoppingToken);
        var repairedAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Value.ReplicaPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await replica.CatchUpAsync(stoppingToken);
                await replica.FlushAsync(now: false, stoppingToken);
                if (replica.Ready && clock.GetUtcNow() - repairedAt >= options.Value.ReconcileEvery)
                {
                    repairedAt = clock.GetUtcNow();
                    await RepairAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Following the index change log failed; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await replica.FlushAsync(now: true, CancellationToken.None);
    }

    private async Task RepairAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var repaired = await scope.ServiceProvider.GetRequiredService<IndexRepair>().RepairAsync(cancellationToken);
        if (repaired.Count > 0)
        {
            logger.LogWarning("The index differed from the database for {Count} submissions ({Ids}); rewrote them",
                repaired.Count, string.Join(", ", repaired.Take(20)));
        }
    }
}
