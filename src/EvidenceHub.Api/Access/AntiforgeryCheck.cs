using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace EvidenceHub.Api.Access;

/// <summary>
/// Every change made with the sign-in cookie must carry the antiforgery token the page fetched from
/// <c>GET /api/auth/antiforgery</c> (header <see cref="HeaderName"/>), uploads included, so another site
/// cannot make a signed-in clerk's browser publish or delete. Requests signed in by a bearer token are
/// not at risk (a browser never adds one by itself) and need none.
/// </summary>
public static class AntiforgeryCheck
{
    public const string HeaderName = "X-EvidenceHub-Antiforgery";

    public static IApplicationBuilder UseAntiforgeryCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(statusCode: 400, title: "The page's security token is missing or out of date",
                    detail: "Reload the page and try again; a change made with the sign-in cookie must carry the page's antiforgery token.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static bool NeedsToken(HttpContext context) =>
        // The job dashboard checks its own antiforgery token (Hangfire.AspNetCore uses IAntiforgery).
        !context.Request.Path.StartsWithSegments("/hangfire")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && (context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            || context.User.Identities.Any(i => i.AuthenticationType == IdentityConstants.ApplicationScheme)
            || SignsInWithCookie(context));

    /// <summary>The sign-in form itself is protected too (login CSRF), though no one is signed in yet.</summary>
    private static bool SignsInWithCookie(HttpContext context) => context.Request.Path.Equals("/api/auth/signin", StringComparison.OrdinalIgnoreCase);
}
