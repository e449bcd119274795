using EvidenceHub.Api.Access;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;

namespace EvidenceHub.Api.Operations;

public static class AdminApi
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Operations").RequireAdmin();
        group.MapPost("/reindex", async (Caller caller, EvidenceDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
        {
            // Every node rebuilds its own index beside the live one and swaps it in when complete.
            IndexChangeLog.RecordRebuild(db);
            audit.Add(caller.Actor, AuditActions.Reindexed, detail: "requested");
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Accepted((string?)null, new { message = "The index is being rebuilt from the database." });
        });
    }
}
