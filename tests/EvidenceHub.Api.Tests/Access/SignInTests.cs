using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>Signing in: bearer tokens for scripts, personal tokens, the page's cookie with antiforgery, and lockout.</summary>
[TestClass]
public sealed class SignInTests
{
    private static EvidenceHubFactory factory = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => factory = new EvidenceHubFactory();

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_token_is_issued_for_the_right_password_and_an_unknown_email_gets_the_same_401_as_a_wrong_password()
    {
        var client = factory.CreatePublicClient();
        var ok = await client.PostAsJsonAsync("/api/auth/token", new { email = EvidenceHubFactory.AdminEmail, password = EvidenceHubFactory.AdminPassword });
        Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
        var issued = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        Assert.StartsWith("ehub_", issued["token"]!.GetValue<string>());
        Assert.IsGreaterThan(DateTimeOffset.UtcNow, issued["expiresAt"]!.GetValue<DateTimeOffset>());

        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { email = EvidenceHubFactory.AdminEmail, password = "not the password at all" });
        var unknown = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@example.org", password = "not the password at all" });
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var wrongBody = await ApiClient.ProblemAsync(wrong);
        var unknownBody = await ApiClient.ProblemAsync(unknown);
        Assert.AreEqual(wrongBody["title"]!.GetValue<string>(), unknownBody["title"]!.GetValue<string>());
        Assert.AreEqual(wrongBody["detail"]!.GetValue<string>(), unknownBody["detail"]!.GetValue<string>());

        var me = await factory.CreateSignedInClient(EvidenceHubFactory.AdminEmail, EvidenceHubFactory.AdminPassword).GetFromJsonAsync<JsonNode>("/api/me");
        Assert.IsTrue(me!["signedIn"]!.GetValue<bool>());
        Assert.IsTrue(me["isAdmin"]!.GetValue<bool>());
        Assert.IsFalse((await client.GetFromJsonAsync<JsonNode>("/api/me"))!["signedIn"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var admin = factory.CreateAdminClient();
        await admin.PostAsJsonAsync("/api/users", new { email = "locked@example.org", password = EvidenceHubFactory.UserPassword });
        var client = factory.CreatePublicClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email = "locked@example.org", password = "guess number " + i });
        }

        var locked = await client.PostAsJsonAsync("/api/auth/token", new { email = "locked@example.org", password = EvidenceHubFactory.UserPassword });
        Assert.AreEqual(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("locked", (await ApiClient.ProblemAsync(locked))["detail"]!.GetValue<string>());

        var user = (await admin.GetFromJsonAsync<JsonArray>("/api/users"))!.Single(u => u!["email"]!.GetValue<string>() == "locked@example.org")!;
        Assert.IsTrue(user["lockedOut"]!.GetValue<bool>());
        var unlocked = await admin.PutAsJsonAsync($"/api/users/{user["id"]}", new { unlock = true });
        Assert.AreEqual(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { email = "locked@example.org", password = EvidenceHubFactory.UserPassword })).StatusCode);
    }

    [TestMethod]
    public async Task A_personal_token_is_listed_without_its_secret_works_until_revoked_and_a_bad_token_is_a_401()
    {
        var admin = factory.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/api/me/tokens", new { name = "nightly export", days = 30 });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var secret = token["token"]!.GetValue<string>();

        var listed = (await admin.GetFromJsonAsync<JsonArray>("/api/me/tokens"))!;
        var row = listed.Single(t => t!["name"]!.GetValue<string>() == "nightly export")!;
        Assert.DoesNotContain(secret, listed.ToJsonString(), "a token is shown once, when it is made");
        Assert.IsFalse(row["revoked"]!.GetValue<bool>());

        var script = factory.CreatePublicClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.IsTrue((await script.GetFromJsonAsync<JsonNode>("/api/me"))!["signedIn"]!.GetValue<bool>());

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/me/tokens/{row["id"]}")).StatusCode);
        var revoked = await script.GetAsync("/api/search?q=anything");
        Assert.AreEqual(HttpStatusCode.Unauthorized, revoked.StatusCode, "a revoked token is refused, not read as the public");
        Assert.AreEqual("The token is not valid", (await ApiClient.ProblemAsync(revoked))["title"]!.GetValue<string>());

        var tooLong = await admin.PostAsJsonAsync("/api/me/tokens", new { name = "forever", days = 5000 });
        Assert.AreEqual(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [TestMethod]
    public async Task The_page_signs_in_with_a_cookie_and_every_change_it_makes_needs_the_antiforgery_token()
    {
        var page = factory.CreateClient(); // keeps cookies, as a browser does
        var noToken = await page.PostAsJsonAsync("/api/auth/signin", new { email = EvidenceHubFactory.AdminEmail, password = EvidenceHubFactory.AdminPassword });
        Assert.AreEqual(HttpStatusCode.BadRequest, noToken.StatusCode, "the sign-in form itself carries the token");

        var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signin")
        {
            Content = JsonContent.Create(new { email = EvidenceHubFactory.AdminEmail, password = EvidenceHubFactory.AdminPassword }),
        };
        signIn.Headers.Add("X-EvidenceHub-Antiforgery", await AntiforgeryAsync(page));
        var signedIn = await page.SendAsync(signIn);
        Assert.AreEqual(HttpStatusCode.OK, signedIn.StatusCode, await signedIn.Content.ReadAsStringAsync());
        Assert.IsTrue((await page.GetFromJsonAsync<JsonNode>("/api/me"))!["signedIn"]!.GetValue<bool>());

        var forged = await page.PostAsJsonAsync("/api/inquiries", new { title = "Forged", referencePrefix = "FRG" });
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode, "a change with the cookie alone is refused");
        Assert.Contains("antiforgery", (await ApiClient.ProblemAsync(forged))["detail"]!.GetValue<string>());

        var create = new HttpRequestMessage(HttpMethod.Post, "/api/inquiries") { Content = JsonContent.Create(new { title = "Real", referencePrefix = "REAL" }) };
        create.Headers.Add("X-EvidenceHub-Antiforgery", await AntiforgeryAsync(page));
        Assert.AreEqual(HttpStatusCode.Created, (await page.SendAsync(create)).StatusCode);

        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signout");
        signOut.Headers.Add("X-EvidenceHub-Antiforgery", await AntiforgeryAsync(page));
        Assert.AreEqual(HttpStatusCode.NoContent, (await page.SendAsync(signOut)).StatusCode);
        Assert.IsFalse((await page.GetFromJsonAsync<JsonNode>("/api/me"))!["signedIn"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task Without_a_directory_configured_there_are_no_providers_and_directory_sign_in_is_a_404()
    {
        var client = factory.CreatePublicClient();
        Assert.AreEqual("[]", (await client.GetFromJsonAsync<JsonArray>("/api/auth/providers"))!.ToJsonString());

        var oidc = await client.GetAsync("/api/auth/oidc?returnUrl=/");
        Assert.AreEqual(HttpStatusCode.NotFound, oidc.StatusCode);
        Assert.AreEqual("application/problem+json", oidc.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EvidenceHub:OpenIdConnect:Authority", (await ApiClient.ProblemAsync(oidc))["detail"]!.GetValue<string>());
    }

    private static async Task<string> AntiforgeryAsync(HttpClient page) =>
        (await page.GetFromJsonAsync<JsonNode>("/api/auth/antiforgery"))!["token"]!.GetValue<string>();
}
