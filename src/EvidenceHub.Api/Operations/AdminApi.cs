using EvidenceHub.Api.Access;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;

namespace EvidenceHub.Api.Operations;

public static class AdminApi
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Operations").RequireAdmin();
        group.MapPost("/reindex", async (Caller caller, IPipelineQueue queue, AuditLog audit, CancellationToken cancellationToken) =>
        {
            queue.Reindex();
            await audit.WriteAsync(caller.Actor, AuditActions.Reindexed, detail: "requested", cancellationToken: cancellationToken);
            return TypedResults.Accepted((string?)null, new { message = "The index is being rebuilt from the database." });
        });
    }
}
