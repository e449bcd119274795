using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using EvidenceHub.Api.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Tests.Hardening;

/// <summary>
/// The public is limited per address; signed-in staff never are. Sign-in is stood in for by a test
/// authentication scheme (the header <c>X-Test-User</c>), and the caller's address by <c>X-Test-Address</c>.
/// </summary>
[TestClass]
public sealed class RateLimitTests
{
    private const int Limit = 3;

    private static EvidenceHubFactory factory = null!;

    [ClassInitialize]
    public static void Start(TestContext context) =>
        factory = new EvidenceHubFactory(
            settings: new Dictionary<string, string?> { ["EvidenceHub:PublicRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            services: services =>
            {
                services.AddAuthentication(o => o.DefaultScheme = TestSignIn.SchemeName).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, null);
                services.AddTransient<IStartupFilter, TestAddress>();
            });

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Past_the_limit_the_public_gets_a_429_that_says_when_to_retry()
    {
        var http = Client(address: "203.0.113.10");
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await http.GetAsync("/api/inquiries");
            Assert.AreEqual(HttpStatusCode.OK, allowed.StatusCode, $"request {i + 1} of {Limit}");
        }

        using var refused = await http.GetAsync("/api/inquiries");

        Assert.AreEqual(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(SecurityHeadersAssert.Header(refused, "Retry-After", "the 429"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsInRange(1, 60, retryAfter);
        var problem = await ApiClient.ProblemAsync(refused);
        Assert.AreEqual("Too many requests", problem["title"]!.GetValue<string>());
        Assert.Contains($"Try again in {retryAfter} seconds", problem["detail"]!.GetValue<string>());
        SecurityHeadersAssert.Present(refused, "the 429");

        // The page itself still loads (static files are not counted) and another address is not affected.
        using var page = await http.GetAsync("/index.html");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        using var neighbour = await Client(address: "203.0.113.11").GetAsync("/api/inquiries");
        Assert.AreEqual(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [TestMethod]
    public async Task A_signed_in_caller_is_never_limited()
    {
        var staff = Client(address: "198.51.100.7", user: "clerk@example.org");
        for (var i = 0; i < Limit * 4; i++)
        {
            using var response = await staff.GetAsync("/api/inquiries");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"request {i + 1}");
        }

        // The same address without signing in is the public, and is limited.
        var anonymous = Client(address: "198.51.100.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            using var response = await anonymous.GetAsync("/api/inquiries");
            statuses.Add(response.StatusCode);
        }

        Assert.AreEqual(HttpStatusCode.TooManyRequests, statuses[^1], string.Join(",", statuses));
    }

    private static HttpClient Client(string address, string? user = null)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add(TestAddress.Header, address);
        if (user is not null)
        {
            http.DefaultRequestHeaders.Add(TestSignIn.Header, user);
        }

        return http;
    }

    /// <summary>Signs in whoever the request names, as sign-in will for staff.</summary>
    private sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers[Header].ToString() is { Length: > 0 } user
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());
    }

    /// <summary>The test server has no remote address; this gives each request the one it names.</summary>
    private sealed class TestAddress : IStartupFilter
    {
        public const string Header = "X-Test-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
