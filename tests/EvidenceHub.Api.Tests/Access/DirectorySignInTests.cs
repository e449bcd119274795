using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>
/// Sign-in through an organisation's directory, end to end against a real OpenID Connect provider
/// (<see cref="TestIdentityProvider"/>, OpenIddict) with EvidenceHub on Kestrel: the code flow with
/// PKCE, the user made from the identity token, the directory's groups mapped to roles, and taken back.
/// </summary>
[TestClass]
public sealed class DirectorySignInTests
{
    private const string ClientId = "evidencehub";
    private const string ClientSecret = "a client secret for the test directory";

    private static TestIdentityProvider provider = null!;
    private static EvidenceHubFactory hub = null!;
    private static Uri hubAddress = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        provider = await TestIdentityProvider.StartAsync();
        hub = new EvidenceHubFactory(
            settings: new Dictionary<string, string?>
            {
                ["EvidenceHub:OpenIdConnect:Authority"] = provider.Authority.ToString(),
                ["EvidenceHub:OpenIdConnect:ClientId"] = ClientId,
                ["EvidenceHub:OpenIdConnect:ClientSecret"] = ClientSecret,
                ["EvidenceHub:OpenIdConnect:DisplayName"] = "Sign in with the Test Directory",
                ["EvidenceHub:OpenIdConnect:RequireHttpsMetadata"] = "false",
                ["EvidenceHub:OpenIdConnect:Roles:EvidenceHub-Admins"] = "admin",
                ["EvidenceHub:OpenIdConnect:Roles:LBN-Clerks"] = "clerk:LBN",
                ["EvidenceHub:OpenIdConnect:Roles:LBN-Researchers"] = "researcher:LBN",
            },
            services: services => services.PostConfigure<OpenIdConnectOptions>("oidc", oidc =>
            {
                // The handler marks its correlation and nonce cookies Secure; an HttpClient (like a
                // browser) keeps those off plain HTTP, which is all this test has.
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }));
        hub.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        hub.StartServer();
        hubAddress = new Uri(hub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await provider.RegisterClientAsync(ClientId, ClientSecret, new Uri(hubAddress, "/signin-oidc"));

        using var admin = await AdminAsync();
        await new ApiClient(admin).CreateInquiryAsync("LBN");
        await new ApiClient(admin).CreateInquiryAsync("OTH", "Another inquiry");
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        hub.Dispose();
        await provider.DisposeAsync();
    }

    [TestMethod]
    public async Task A_clerk_in_the_directory_signs_in_and_is_a_clerk_of_that_inquiry_only()
    {
        provider.People["ada"] = new("ada-1", "ada@lbn.example", "Ada Clerk", ["LBN-Clerks", "Staff-Canteen"]);
        using var browser = new DirectoryBrowser(hubAddress);

        await browser.SignInOkAsync("ada");

        var me = await browser.MeAsync();
        Assert.IsTrue(me["signedIn"]!.GetValue<bool>());
        Assert.AreEqual("ada@lbn.example", me["email"]!.GetValue<string>());
        Assert.IsFalse(me["isAdmin"]!.GetValue<bool>());
        Assert.AreEqual("""[{"inquiry":"LBN","role":"clerk"}]""", me["roles"]!.ToJsonString());

        Assert.AreEqual(HttpStatusCode.Accepted, (await browser.SendAsync(Upload("LBN", "ada-lbn"))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await browser.SendAsync(Upload("OTH", "ada-oth"))).StatusCode);

        using var admin = await AdminAsync();
        var audit = await AuditAsync(admin);
        Assert.Contains(a => a.Action == "user-created" && a.User == "directory" && a.Detail == "ada@lbn.example", audit, "the directory made the user");
        Assert.Contains(a => a.Action == "role-changed" && a.Inquiry == "LBN" && a.Detail == "ada@lbn.example: clerk (directory: LBN-Clerks)", audit);
        Assert.Contains(a => a.Action == "sign-in" && a.User == "ada@lbn.example" && a.Detail == "openid connect", audit);
    }

    [TestMethod]
    public async Task A_second_sign_in_takes_back_what_the_directory_no_longer_gives_and_keeps_what_an_administrator_gave()
    {
        provider.People["ben"] = new("ben-1", "ben@lbn.example", "Ben Researcher", ["LBN-Researchers", "EvidenceHub-Admins"]);
        using var browser = new DirectoryBrowser(hubAddress);
        await browser.SignInOkAsync("ben");
        var me = await browser.MeAsync();
        Assert.IsTrue(me["isAdmin"]!.GetValue<bool>());
        Assert.AreEqual("""[{"inquiry":"LBN","role":"researcher"}]""", me["roles"]!.ToJsonString());

        using var admin = await AdminAsync();
        var granted = await admin.PutAsJsonAsync($"/api/inquiries/OTH/members/{me["id"]}", new { role = "author" });
        Assert.AreEqual(HttpStatusCode.OK, granted.StatusCode, await granted.Content.ReadAsStringAsync());

        provider.People["ben"] = provider.People["ben"] with { Roles = ["Staff-Canteen"] };
        await browser.SignInOkAsync("ben");

        me = await browser.MeAsync();
        Assert.IsTrue(me["signedIn"]!.GetValue<bool>());
        Assert.IsFalse(me["isAdmin"]!.GetValue<bool>(), "the directory took back the administrator role it gave");
        Assert.AreEqual("""[{"inquiry":"OTH","role":"author"}]""", me["roles"]!.ToJsonString(), "the role an administrator gave stays");
        var audit = await AuditAsync(admin);
        Assert.Contains(a => a.Action == "role-changed" && a.Detail == "ben@lbn.example: not admin (no longer given by the directory)", audit);
        Assert.Contains(a => a.Action == "role-changed" && a.Inquiry == "LBN" && a.Detail == "ben@lbn.example: no role (no longer given by the directory)", audit);
    }

    [TestMethod]
    public async Task Someone_whose_groups_map_to_no_role_signs_in_and_reads_what_the_public_reads()
    {
        using var admin = await AdminAsync();
        var unpublished = await new ApiClient(admin).UploadAcceptedAsync("LBN", TestDocuments.UniqueText("cy-unpublished"), "cy.txt");
        provider.People["cy"] = new("cy-1", "cy@finance.example", "Cy Finance", ["Finance"]);
        using var browser = new DirectoryBrowser(hubAddress);

        await browser.SignInOkAsync("cy");

        var me = await browser.MeAsync();
        Assert.IsTrue(me["signedIn"]!.GetValue<bool>());
        Assert.AreEqual("cy@finance.example", me["email"]!.GetValue<string>());
        Assert.IsFalse(me["isAdmin"]!.GetValue<bool>());
        Assert.AreEqual("[]", me["roles"]!.ToJsonString());
        Assert.AreEqual(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/api/submissions/{unpublished}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await browser.SendAsync(Upload("LBN", "cy-upload"))).StatusCode);
    }

    [TestMethod]
    public async Task Two_groups_for_one_inquiry_give_the_first_of_clerk_researcher_author()
    {
        provider.People["eve"] = new("eve-1", "eve@lbn.example", "Eve Both", ["LBN-Researchers", "LBN-Clerks"]);
        using var browser = new DirectoryBrowser(hubAddress);

        await browser.SignInOkAsync("eve");

        Assert.AreEqual("""[{"inquiry":"LBN","role":"clerk"}]""", (await browser.MeAsync())["roles"]!.ToJsonString());
    }

    [TestMethod]
    public void Settings_that_cannot_work_stop_the_start_up_saying_which()
    {
        using var misconfigured = new EvidenceHubFactory(settings: new Dictionary<string, string?>
        {
            ["EvidenceHub:OpenIdConnect:Authority"] = "https://login.example.org/",
            ["EvidenceHub:OpenIdConnect:Roles:LBN-Clerks"] = "boss:LBN",
        });

        var failure = Assert.Throws<Exception>(() => misconfigured.Services);
        var message = failure.ToString();
        Assert.Contains("ClientId is required", message);
        Assert.Contains("'boss:LBN'", message);
    }

    [TestMethod]
    public async Task Sign_in_is_refused_with_a_problem_when_the_directory_says_no_or_gives_no_email()
    {
        provider.People["dee"] = new("dee-1", "", "Dee No-Email", ["LBN-Clerks"]);
        using var browser = new DirectoryBrowser(hubAddress);

        var noEmail = await browser.SignInAsync("dee");
        Assert.AreEqual(HttpStatusCode.Forbidden, noEmail.StatusCode);
        Assert.Contains("email", (await ApiClient.ProblemAsync(noEmail))["detail"]!.GetValue<string>());
        Assert.IsFalse((await browser.MeAsync())["signedIn"]!.GetValue<bool>());

        var unknown = await browser.SignInAsync("nobody-the-directory-knows");
        Assert.AreEqual(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.AreEqual("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.IsFalse((await browser.MeAsync())["signedIn"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task The_providers_list_names_the_directory_and_a_return_address_off_the_site_is_refused()
    {
        using var browser = new DirectoryBrowser(hubAddress);
        var providers = (await browser.Http.GetFromJsonAsync<JsonArray>("/api/auth/providers?returnUrl=/desk.html"))!;
        Assert.AreEqual(
            """[{"name":"oidc","displayName":"Sign in with the Test Directory","url":"/api/auth/oidc?returnUrl=%2Fdesk.html"}]""",
            providers.ToJsonString());

        foreach (var offSite in new[] { "https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere.example/" })
        {
            var refused = await browser.Http.GetAsync($"/api/auth/oidc?returnUrl={Uri.EscapeDataString(offSite)}");
            Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode, offSite);
        }
    }

    private static HttpRequestMessage Upload(string prefix, string marker)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestDocuments.UniqueText(marker));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", marker + ".txt");
        form.Add(new StringContent("Test Submitter"), "submitterName");
        return new HttpRequestMessage(HttpMethod.Post, $"/api/inquiries/{prefix}/submissions") { Content = form };
    }

    private sealed record AuditRow(string User, string Action, string? Inquiry, string? Detail);

    private static async Task<List<AuditRow>> AuditAsync(HttpClient admin)
    {
        var page = (await admin.GetFromJsonAsync<JsonNode>("/api/audit?pageSize=100"))!;
        return page["items"]!.AsArray().Select(a => new AuditRow(
            a!["user"]!.GetValue<string>(), a["action"]!.GetValue<string>(), a["inquiry"]?.GetValue<string>(), a["detail"]?.GetValue<string>())).ToList();
    }

    /// <summary>The administrator from configuration, with a bearer token, over real HTTP.</summary>
    private static async Task<HttpClient> AdminAsync()
    {
        var client = new HttpClient { BaseAddress = hubAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = EvidenceHubFactory.AdminEmail, password = EvidenceHubFactory.AdminPassword });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonNode>())!["token"]!.GetValue<string>());
        return client;
    }
}
