using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EvidenceHub.Api.Operations;

public static class HealthApi
{
    public static void AddEvidenceHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<IndexHealthCheck>("index")
            .AddCheck<JobStorageHealthCheck>("jobs");

    public static void MapEvidenceHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health").WithTags("Operations").AllowAnonymous();
}

public sealed class DatabaseHealthCheck(EvidenceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

/// <summary>Degraded while the node builds its first index (its searches find nothing yet, and say so).</summary>
public sealed class IndexHealthCheck(PassageIndex index, IndexReplica replica) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(replica.Ready
            ? HealthCheckResult.Healthy($"{index.PassageCount} passages, at change {replica.Watermark}")
            : HealthCheckResult.Degraded("The index is being built from the database; searches answer from it when it is complete."));
}

public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers().Count;
        return Task.FromResult(servers > 0
            ? HealthCheckResult.Healthy($"{servers} job server(s)")
            : HealthCheckResult.Degraded("No job server is running; uploads will wait."));
    }
}
