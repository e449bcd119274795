namespace EvidenceHub.Api.Security;

/// <summary>
/// Browser protections on every response — pages, API answers, problems, files. They are written as the
/// response starts rather than on the way in, because the exception handler clears the headers of a
/// response it turns into a problem.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The pages load their script and style from files only (no inline script, no style="" attributes, no
    /// eval): an injected script, even one that got past the snippet escaping, has nothing to run with.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's dashboard (staff only) loads its scripts from files too, but its pages carry style=""
    /// attributes (state cards, labels): its styles are let through, its scripts are not, and it still may
    /// not be framed. Its Bootstrap icons are fonts it serves itself.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// strict-origin-when-cross-origin rather than no-referrer: another site learns at most our origin,
    /// never a page's path or query (a search URL holds what a researcher looked for), while same-origin
    /// requests keep their Referer and Origin — under no-referrer browsers send <c>Origin: null</c> with
    /// a form's POST (a sign-in form, say), which would defeat an origin check protecting signed-in staff.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            // Chosen on the way in: by the time the dashboard answers, its Map branch has moved /hangfire into PathBase.
            var policy = context.Request.Path.StartsWithSegments(DashboardPath) ? DashboardPolicy : ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
