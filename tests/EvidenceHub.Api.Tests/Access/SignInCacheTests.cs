using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Access;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>
/// A node keeps the sign-ins it has read (<see cref="SignInCache"/>), so a signed-in request costs no query; a
/// revocation, a lockout or a change of roles made through the node ends what it kept on the very next request.
/// Each test first checks that the node did keep the sign-in, so what follows tests the forgetting.
/// </summary>
[TestClass]
public sealed class SignInCacheTests
{
    private const string Prefix = "KEPT";

    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync(Prefix);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    private static SignInCache Cache => factory.Services.GetRequiredService<SignInCache>();

    [TestMethod]
    public async Task A_kept_personal_token_revoked_through_the_node_is_refused_on_the_next_request()
    {
        var user = await factory.CreateUserClientAsync("kept-token@example.org", "researcher", Prefix);
        var created = JsonNode.Parse(await (await user.PostAsJsonAsync("/api/me/tokens", new { name = "kept", days = 30 })).Content.ReadAsStringAsync())!;
        var secret = created["token"]!.GetValue<string>();
        var script = factory.CreatePublicClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        await UntilKeptAsync(script, () => Cache.Token(TokenIssuer.Hash(secret)) is not null, "the token");
        Assert.AreEqual(HttpStatusCode.OK, (await script.GetAsync("/api/search?q=anything")).StatusCode);

        Assert.AreEqual(HttpStatusCode.NoContent, (await user.DeleteAsync($"/api/me/tokens/{created["id"]}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/search?q=anything")).StatusCode,
            "a revoked token is refused at once, though the node kept it");
    }

    [TestMethod]
    public async Task Roles_taken_away_and_given_back_through_the_node_apply_to_a_kept_caller_on_the_next_request()
    {
        var user = await factory.CreateUserClientAsync("kept-roles@example.org", "researcher", Prefix);
        var id = await IdOfAsync(user);
        await UntilKeptAsync(user, () => Cache.Caller(id) is not null, "the caller");
        Assert.AreEqual("KEPT researcher", await RolesAsync(user));

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/inquiries/{Prefix}/members/{id}")).StatusCode);
        Assert.AreEqual("", await RolesAsync(user), "a role taken away is gone at once");

        await UntilKeptAsync(user, () => Cache.Caller(id) is not null, "the caller without a role");
        Assert.AreEqual(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/inquiries/{Prefix}/members/{id}", new { role = "clerk" })).StatusCode);
        Assert.AreEqual("KEPT clerk", await RolesAsync(user), "a role given is there at once");

        await UntilKeptAsync(user, () => Cache.Caller(id) is not null, "the caller as a clerk");
        Assert.AreEqual(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/users/{id}", new { isAdmin = true })).StatusCode);
        Assert.IsTrue((await user.GetFromJsonAsync<JsonNode>("/api/me"))!["isAdmin"]!.GetValue<bool>(), "an administrator at once");
    }

    [TestMethod]
    public async Task A_kept_user_locked_out_is_refused_on_the_next_request()
    {
        var user = await factory.CreateUserClientAsync("kept-locked@example.org", "researcher", Prefix);
        var id = await IdOfAsync(user);
        await UntilKeptAsync(user, () => Cache.Caller(id) is not null, "the caller");

        var stranger = factory.CreatePublicClient();
        for (var i = 0; i < 5; i++)
        {
            await stranger.PostAsJsonAsync("/api/auth/token", new { email = "kept-locked@example.org", password = "guess number " + i });
        }

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/me")).StatusCode, "a locked-out user's token is refused at once");
    }

    /// <summary>Signed-in requests until the node keeps what <paramref name="kept"/> looks for (it keeps nothing until its replica has read the change log).</summary>
    private static async Task UntilKeptAsync(HttpClient client, Func<bool> kept, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
            if (kept())
            {
                return;
            }

            Assert.IsLessThan(deadline, DateTime.UtcNow, $"the node never kept {what}");
            await Task.Delay(50);
        }
    }

    private static async Task<long> IdOfAsync(HttpClient user) => (await user.GetFromJsonAsync<JsonNode>("/api/me"))!["id"]!.GetValue<long>();

    private static async Task<string> RolesAsync(HttpClient user) =>
        string.Join(", ", (await user.GetFromJsonAsync<JsonNode>("/api/me"))!["roles"]!.AsArray()
            .Select(r => $"{r!["inquiry"]!.GetValue<string>()} {r["role"]!.GetValue<string>()}"));
}
