using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;

namespace EvidenceHub.Api.Search;

/// <summary>
/// Endpoints that answer from this node's index first apply any urgent change (a withdrawal, a deletion,
/// a request for anonymity) another node has made and this one has not read yet, so such a change holds
/// on every node as soon as the node that made it has answered.
/// </summary>
public static class IndexReads
{
    public static TBuilder ReadsIndex<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            if (services.GetService<IndexReplica>() is { } replica)
            {
                await replica.ApplyUrgentAsync(() => services.GetRequiredService<EvidenceDbContext>(), context.HttpContext.RequestAborted);
            }

            return await next(context);
        });
}
