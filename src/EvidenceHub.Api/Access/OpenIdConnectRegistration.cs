using EvidenceHub.Api.Accounts;
using EvidenceHub.Api.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EvidenceHub.Api.Access;

/// <summary>
/// Sign-in with an organisation's own directory (<c>EvidenceHub:OpenIdConnect</c>), registered only when
/// an Authority is configured: the authorization-code flow with PKCE, the callback at the handler's
/// default <c>/signin-oidc</c>. The validated identity goes through <see cref="DirectorySignIn"/> and
/// the user is signed in with the same application cookie as a password sign-in, so the rest of the
/// app sees one kind of signed-in user.
/// </summary>
public static class OpenIdConnectRegistration
{
    public const string Scheme = "oidc";

    public static void AddEvidenceOpenIdConnect(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.ReadEvidenceHubOptions().OpenIdConnect;
        if (!settings.Enabled)
        {
            return;
        }

        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("OpenID Connect sign-in is not configured right: " + string.Join(" ", problems));
        }

        services.AddScoped<DirectorySignIn>();
        services.AddAuthentication().AddOpenIdConnect(Scheme, settings.DisplayName, oidc =>
        {
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            oidc.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                oidc.Scope.Add(scope);
            }

            // Keep the token's own claim names ("email", "roles", "groups"), which RoleClaim names.
            oidc.MapInboundClaims = false;
            oidc.SignInScheme = IdentityConstants.ApplicationScheme;
            oidc.Events.OnTicketReceived = SignInAsync;
            oidc.Events.OnRemoteFailure = FailedAsync;
        });
    }

    /// <summary>
    /// Replaces the directory's principal with the EvidenceHub user's before the handler signs it in.
    /// Here, not at TokenValidated: the handler checks the nonce only after that event, and nothing is
    /// created or changed for a response that fails it. A refusal must answer itself: a failed ticket
    /// would still be signed in by the handler.
    /// </summary>
    private static async Task SignInAsync(TicketReceivedContext context)
    {
        var outcome = await context.HttpContext.RequestServices.GetRequiredService<DirectorySignIn>()
            .SignInAsync(context.Principal!, context.HttpContext.RequestAborted);
        if (outcome.Principal is null)
        {
            context.HandleResponse();
            await WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, outcome.Refusal!);
            return;
        }

        context.Principal = outcome.Principal;
    }

    /// <summary>A broken sign-in (the provider said no, the state or nonce did not check out) answers with problem details, not an exception page.</summary>
    private static async Task FailedAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectRegistration))
            .LogWarning(context.Failure, "An OpenID Connect sign-in did not complete");
        context.HandleResponse();
        await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
            context.Failure?.Message ?? "The directory's answer could not be used.");
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: "Sign-in through your organisation's directory did not complete", detail: detail)
            .ExecuteAsync(http);
    }
}
