using System.Net;
using EvidenceHub.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Hardening;

/// <summary>
/// The public is limited per address; signed-in staff (here the administrator, with a bearer token) never
/// are. The caller's address is stood in for by the header <c>X-Test-Address</c>.
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
            services: services => services.AddTransient<IStartupFilter, TestAddress>());

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
        var staff = Client(address: "198.51.100.7", signedIn: true);
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

    private static HttpClient Client(string address, bool signedIn = false)
    {
        var http = signedIn ? factory.CreateAdminClient() : factory.CreatePublicClient();
        http.DefaultRequestHeaders.Add(TestAddress.Header, address);
        return http;
    }

    /// <summary>The test server has no remote address; this gives each request the one it names.</summary>
    private sealed class TestAddress : IStartupFilter
    {
        public const string Header = "X-Test-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                // Requests that name no address (signing in for a token) come from one of their own.
                var address = context.Request.Headers[Header].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.Length == 0 ? "192.0.2.250" : address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
