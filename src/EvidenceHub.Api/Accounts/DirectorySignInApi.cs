using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// The ways to sign in besides a password (<c>GET /api/auth/providers</c>, for the page's buttons), and
/// the start of a sign-in through the organisation's directory (<c>GET /api/auth/oidc</c>).
/// </summary>
public static class DirectorySignInApi
{
    public static void MapDirectorySignIn(this RouteGroupBuilder auth)
    {
        auth.MapGet("/providers", ProvidersAsync).AllowPublic();
        auth.MapGet("/oidc", ChallengeAsync).AllowPublic();
    }

    private static async Task<Ok<List<SignInProviderDto>>> ProvidersAsync(
        string? returnUrl, IAuthenticationSchemeProvider schemes, IOptions<EvidenceHubOptions> options)
    {
        if (await schemes.GetSchemeAsync(OpenIdConnectRegistration.Scheme) is null)
        {
            return TypedResults.Ok(new List<SignInProviderDto>());
        }

        var url = $"/api/auth/oidc?returnUrl={Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl! : "/")}";
        return TypedResults.Ok(new List<SignInProviderDto> { new(OpenIdConnectRegistration.Scheme, options.Value.OpenIdConnect.DisplayName, url) });
    }

    private static async Task<Results<ChallengeHttpResult, ProblemHttpResult>> ChallengeAsync(string? returnUrl, IAuthenticationSchemeProvider schemes)
    {
        if (await schemes.GetSchemeAsync(OpenIdConnectRegistration.Scheme) is null)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "No directory sign-in here",
                "This EvidenceHub does not sign in through an organisation's directory (EvidenceHub:OpenIdConnect:Authority is not set); sign in with your email and password.");
        }

        returnUrl = string.IsNullOrEmpty(returnUrl) ? "/" : returnUrl;
        if (!IsLocal(returnUrl))
        {
            return Problems.BadRequest("The return address is not on this site",
                $"returnUrl must be a path on this EvidenceHub, such as /desk.html; '{returnUrl}' is not.");
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [OpenIdConnectRegistration.Scheme]);
    }

    /// <summary>A path on this site: "/x", never "//host" or "/\host", which browsers read as another site.</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}

public sealed record SignInProviderDto(string Name, string DisplayName, string Url);
