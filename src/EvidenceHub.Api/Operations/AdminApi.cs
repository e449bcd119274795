using EvidenceHub.Api.Access;
using EvidenceHub.Core.Pipeline;

namespace EvidenceHub.Api.Operations;

public static class AdminApi
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Operations").RequireAdmin();
        group.MapPost("/reindex", (IPipelineQueue queue) =>
        {
            queue.Reindex();
            return TypedResults.Accepted((string?)null, new { message = "The index is being rebuilt from the database." });
        });
    }
}
