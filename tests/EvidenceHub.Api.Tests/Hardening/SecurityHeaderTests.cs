using System.Net;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Hardening;

/// <summary>Every kind of response carries the browser protections; the job dashboard gets its own looser policy.</summary>
[TestClass]
public sealed class SecurityHeaderTests
{
    private static EvidenceHubFactory factory = null!;
    private static HttpClient http = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        factory = new EvidenceHubFactory();
        http = factory.CreatePublicClient();
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    [DataRow("/api/inquiries", HttpStatusCode.OK)]
    [DataRow("/", HttpStatusCode.OK)]
    [DataRow("/themes.html", HttpStatusCode.OK)]
    [DataRow("/js/dom.js", HttpStatusCode.OK)]
    [DataRow("/api/submissions/NOP9999", HttpStatusCode.NotFound)]
    [DataRow("/api/search?q=%22unclosed", HttpStatusCode.BadRequest)]
    [DataRow("/no/such/page", HttpStatusCode.NotFound)]
    public async Task Api_answers_pages_and_problems_carry_the_headers(string url, HttpStatusCode status)
    {
        using var response = await http.GetAsync(url);

        Assert.AreEqual(status, response.StatusCode, url);
        SecurityHeadersAssert.Present(response, url);
    }

    [TestMethod]
    public async Task The_job_dashboard_may_use_inline_styles_but_not_inline_scripts_and_may_not_be_framed()
    {
        using var response = await factory.CreateAdminClient().GetAsync("/hangfire");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var policy = SecurityHeadersAssert.Header(response, "Content-Security-Policy", "/hangfire");
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.AreEqual("DENY", SecurityHeadersAssert.Header(response, "X-Frame-Options", "/hangfire"));
        Assert.AreEqual("nosniff", SecurityHeadersAssert.Header(response, "X-Content-Type-Options", "/hangfire"));
    }
}
