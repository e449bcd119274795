using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>Someone in the test directory: what the identity token says about them.</summary>
public sealed record DirectoryPerson(string Subject, string Email, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// A real OpenID Connect provider for the sign-in tests: OpenIddict's server on Kestrel at a free
/// 127.0.0.1 port over plain HTTP, with ephemeral keys and an in-memory EF Core store. Its authorization
/// endpoint shows a one-field login form (which person of <see cref="People"/> signs in) and consents by
/// itself; the identity token carries <c>email</c>, <c>name</c> and a <c>roles</c> claim per group, read
/// from <see cref="People"/> at sign-in time, so a test changes the directory between two sign-ins.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string LoginField = "test_user";

    private readonly WebApplication app;

    private TestIdentityProvider(WebApplication app) => this.app = app;

    /// <summary>The directory, by login name.</summary>
    public ConcurrentDictionary<string, DirectoryPerson> People { get; } = new(StringComparer.Ordinal);

    public Uri Authority { get; private set; } = null!;

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var storeName = Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<ProviderStore>(db => db.UseInMemoryDatabase(storeName).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderStore>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.Roles);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new TestIdentityProvider(app);
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], provider.Authorize);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        await app.StartAsync();
        provider.Authority = new Uri(app.Urls.First());
        return provider;
    }

    /// <summary>Registers the relying party, a confidential client with one redirect URI.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, Uri redirectUri)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>No one named yet: the login form, carrying the request's parameters. Someone named: a code for them.</summary>
    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var login = (string?)request.GetParameter(LoginField);
        if (string.IsNullOrEmpty(login))
        {
            return Results.Content(LoginForm(request), "text/html; charset=utf-8");
        }

        if (!People.TryGetValue(login, out var person))
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.Name, person.Name)
            .SetClaims("roles", [.. person.Roles]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The code's principal (OpenIddict has checked the code, the client and PKCE) becomes the tokens.</summary>
    private static async Task<IResult> TokenAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return result.Principal is { } principal
            ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string LoginForm(OpenIddictRequest request)
    {
        var html = new StringBuilder("<!doctype html><html><body><h1>Test directory</h1><form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
        {
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{HtmlEncoder.Default.Encode(name)}\" value=\"{HtmlEncoder.Default.Encode((string?)value ?? "")}\" />");
        }

        html.Append(CultureInfo.InvariantCulture, $"<label>Who are you? <input type=\"text\" name=\"{LoginField}\" /></label><button>Sign in</button></form></body></html>");
        return html.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed class ProviderStore(DbContextOptions<ProviderStore> options) : DbContext(options);
}
