using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class AccountPageTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task A_user_sees_their_roles_creates_a_token_shown_once_and_revokes_it()
    {
        var user = new TestUser("token-maker@evidencehub.test", TestUsers.UserPassword);
        await WebServerSetup.CreateUserAsync(user, "author", "LBN");
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await SignInAsync(user, "/account.html");

        await Expect(Page.Locator("#account-email")).ToHaveTextAsync(user.Email);
        await Expect(Page.Locator("#role-table tbody td")).ToHaveTextAsync(["LBN", "Author", "makes quotes, collections, exports and citation templates"]);
        await Expect(Page.Locator("#tokens-summary")).ToHaveTextAsync("You have no tokens.");

        await Page.GetByLabel("Name").FillAsync("nightly export");
        await Page.GetByLabel("Expires after").FillAsync("30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var shown = Page.GetByLabel("Your new token");
        await Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ehub_"));
        await Expect(Page.Locator("#token-result")).ToContainTextAsync("it is shown only this once");
        var secret = await shown.InputValueAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy token" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.AreEqual(secret, await Page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        var row = Page.Locator("#tokens tbody tr", new() { HasText = "nightly export" });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Active");
        await Expect(row).ToContainTextAsync("Never");
        await ScreenshotAsync("account-token");
        await AssertAccessibleAsync("the account page with a new token shown");

        // The token signs a script in as this user.
        using var script = new HttpClient { BaseAddress = WebServerSetup.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.AreEqual(user.Email, (await script.GetFromJsonAsync<JsonNode>("/api/me"))!["email"]!.GetValue<string>());

        // Listed again later without its secret, with when it was last used.
        await Page.ReloadAsync();
        row = Page.Locator("#tokens tbody tr", new() { HasText = "nightly export" });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Active");
        await Expect(row).Not.ToContainTextAsync("Never");
        Assert.DoesNotContain(secret, await Page.ContentAsync(), "a token is shown once, when it is made");

        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke nightly export" }).ClickAsync();
        await Expect(Page.Locator("#tokens-status")).ToContainTextAsync("Revoked “nightly export”.");
        await Expect(Page.Locator("#tokens tbody tr", new() { HasText = "nightly export" }).Locator(".badge")).ToHaveTextAsync("Revoked");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode, "a revoked token no longer signs in");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_public_are_asked_to_sign_in()
    {
        await Page.GotoAsync("/account.html");
        await Expect(Page.Locator("#access-notice")).ToContainTextAsync("Sign in");
        await Expect(Page.Locator("#account-page")).ToBeHiddenAsync();
        AssertNoScriptErrors();
    }
}
