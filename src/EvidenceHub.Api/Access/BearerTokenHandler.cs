using System.Security.Claims;
using System.Text.Encodings.Web;
using EvidenceHub.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Access;

/// <summary>
/// Signs a script in from <c>Authorization: Bearer ehub_…</c>: the token's hash must match a live
/// token in the database (as this node keeps it: <see cref="SignInCache"/>). A bad or expired token is a
/// 401, never a silent fall-back to the public.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var userId = await UserOfAsync(header["Bearer ".Length..].Trim());
        if (userId is null)
        {
            return AuthenticateResult.Fail("The token is not valid, has expired or was revoked.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))], Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    /// <summary>The token's user: as this node keeps it (<see cref="SignInCache"/>), or read from the database and kept.</summary>
    private async Task<long?> UserOfAsync(string token)
    {
        if (!TokenIssuer.IsWellFormed(token))
        {
            return null;
        }

        var services = Context.RequestServices;
        var cache = services.GetRequiredService<SignInCache>();
        var hash = TokenIssuer.Hash(token);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (cache.Token(hash) is { } kept && kept.ExpiresAt > now && now - kept.LastUsedAt <= TokenIssuer.LastUsedPrecision)
        {
            return kept.UserId;
        }

        var readUnder = cache.Generation;
        var use = await services.GetRequiredService<TokenIssuer>().UseAsync(token, Context.RequestAborted);
        if (use is null)
        {
            return null;
        }

        cache.Keep(readUnder, hash, new SignInCache.KeptToken(use.UserId, use.ExpiresAt, use.LastUsedAt));
        return use.UserId;
    }
}
