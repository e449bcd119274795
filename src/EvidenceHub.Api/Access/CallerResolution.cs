using System.Security.Claims;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Access;

/// <summary>
/// After authentication, turns the signed-in user id into a <see cref="Caller"/> with their roles as
/// the database holds them now, so a role granted or taken away applies to the next request (not to
/// the next sign-in): read once and kept by the node (<see cref="SignInCache"/>) until any such change. A
/// user who no longer exists or is locked out is the public.
/// </summary>
public static class CallerResolution
{
    public static IApplicationBuilder UseCallerResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var caller = await ResolveAsync(context);
            if (!caller.IsSignedIn && context.Request.Headers.Authorization.Count > 0)
            {
                // A script that sent a token it thinks is good must hear that it is not, rather than
                // quietly reading as the public.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await Results.Problem(statusCode: 401, title: "The token is not valid",
                    detail: "The bearer token is unknown, has expired or was revoked; get a new one from POST /api/auth/token.").ExecuteAsync(context);
                return;
            }

            context.Items[typeof(Caller)] = caller;
            await next(context);
        });

    private static async Task<Caller> ResolveAsync(HttpContext context)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated != true || !long.TryParse(id, out var userId))
        {
            return Caller.Public;
        }

        var services = context.RequestServices;
        var cache = services.GetRequiredService<SignInCache>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (cache.Caller(userId) is not { } kept)
        {
            var readUnder = cache.Generation;
            kept = await ReadAsync(services.GetRequiredService<EvidenceDbContext>(), userId, context.RequestAborted);
            if (kept is null)
            {
                return Caller.Public;
            }

            cache.Keep(readUnder, userId, kept);
        }

        return kept.LockoutEnd > now ? Caller.Public : kept.Caller;
    }

    /// <summary>The user as a caller, with their roles as the database holds them now; the public when they are gone or locked out.</summary>
    public static async Task<Caller> LoadAsync(EvidenceDbContext db, long userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReadAsync(db, userId, cancellationToken) is { } read && !(read.LockoutEnd > now) ? read.Caller : Caller.Public;

    /// <summary>The user as a caller with their roles as the database holds them now, and their lockout; null when they are gone.</summary>
    private static async Task<SignInCache.KeptCaller?> ReadAsync(EvidenceDbContext db, long userId, CancellationToken cancellationToken)
    {
        // One round trip for the user and their roles: it is made when this node does not keep them.
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Email,
                u.IsAdmin,
                u.LockoutEnd,
                Memberships = db.Set<InquiryMembership>()
                    .Where(m => m.UserId == u.Id)
                    .Select(m => new CallerMembership(m.InquiryId, m.Inquiry!.Prefix, m.Role))
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new SignInCache.KeptCaller(new Caller(userId, user.Email, user.IsAdmin, user.Memberships), user.LockoutEnd);
    }
}
