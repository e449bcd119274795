using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class SignInPageTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task Signing_in_returns_to_the_page_asked_for_and_signing_out_leaves_the_public_navigation()
    {
        await Page.GotoAsync("/themes.html?inquiry=LBN");
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav).ToHaveAttributeAsync("data-ready", "public");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Clerk's desk" })).ToHaveCountAsync(0);
        await nav.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/signin\?returnUrl=%2Fthemes\.html%3Finquiry%3DLBN$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");

        await Page.GetByLabel("Email address").FillAsync(TestUsers.Admin.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestUsers.Admin.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/themes\.html\?inquiry=LBN$"));
        await Expect(Page.Locator("#signed-in-as")).ToContainTextAsync(TestUsers.Admin.Email);
        foreach (var link in new[] { "Search", "Themes", "Quotes", "Clerk's desk", "Users", "Account" })
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }

        await ScreenshotAsync("signed-in-nav");

        await nav.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/signin\?signedOut=1$"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out.");
        await Expect(nav).ToHaveAttributeAsync("data-ready", "public");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        var me = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/me")).TextAsync())!;
        Assert.IsFalse(me["signedIn"]!.GetValue<bool>(), "the cookie no longer signs in");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_wrong_password_is_announced_and_described_on_the_fields()
    {
        var user = new TestUser("wrong-password@evidencehub.test", TestUsers.UserPassword);
        await WebServerSetup.CreateUserAsync(user);

        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Email address").FillAsync(user.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password at all");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("The email or password is not right");
        var password = Page.GetByLabel("Password", new() { Exact = true });
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(password).ToHaveAttributeAsync("aria-describedby", "signin-problem-text");
        await Expect(password).ToBeFocusedAsync();
        await Expect(password).ToHaveValueAsync("");
        await Expect(Page).ToHaveURLAsync(new Regex("/signin$"));
        await ScreenshotAsync("signin-wrong-password");
        await AssertAccessibleAsync("the sign-in page with an error");

        // The right password still works after one mistake.
        await password.FillAsync(user.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#signed-in-as")).ToContainTextAsync(user.Email);
        await Expect(Page).ToHaveURLAsync(new Regex(@"/$"));
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_locked_account_is_told_it_is_locked_even_with_the_right_password()
    {
        var user = new TestUser("locked-page@evidencehub.test", TestUsers.UserPassword);
        await WebServerSetup.CreateUserAsync(user);
        using var script = new HttpClient { BaseAddress = WebServerSetup.BaseAddress };
        for (var i = 0; i < 5; i++)
        {
            await script.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = $"guess number {i}" });
        }

        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Email address").FillAsync(user.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Too many failed sign-ins");
        await Expect(alert).ToContainTextAsync("locked");
        await Expect(Page.Locator("#signed-in-as")).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Only_a_path_on_this_site_is_followed_after_signing_in()
    {
        await Page.GotoAsync("/signin");
        var answers = await Page.EvaluateAsync<string[]>("""
            async (values) => {
              const { safeReturnUrl } = await import('/js/signin.js');
              return values.map(safeReturnUrl);
            }
            """, OffsiteAndLocal.Select(c => c.Given).ToArray());
        Assert.AreSequenceEqual(OffsiteAndLocal.Select(c => c.Followed).ToArray(), answers);

        await SignInAsync(TestUsers.Researcher, "https://evil.example/phish");
        Assert.AreEqual(new Uri(WebServerSetup.BaseAddress, "/").ToString(), Page.Url);
        AssertNoScriptErrors();
    }

    private static readonly (string Given, string Followed)[] OffsiteAndLocal =
    [
        ("https://evil.example/", "/"),
        ("//evil.example/path", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("evil.example", "/"),
        ("/signin?returnUrl=/desk.html", "/"),
        ("/desk.html?inquiry=LBN", "/desk.html?inquiry=LBN"),
        ("/submission.html?ref=LBN0012#p-3", "/submission.html?ref=LBN0012#p-3"),
    ];

    [TestMethod]
    public async Task The_organisation_sign_in_is_offered_only_when_the_server_names_a_provider()
    {
        await Page.GotoAsync("/signin?returnUrl=%2Fdesk.html");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveAttributeAsync("data-ready", "public");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" })).ToHaveCountAsync(0);

        // A server with one OpenID Connect provider configured (GET /api/auth/providers).
        await Page.RouteAsync("**/api/auth/providers", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """[{ "name": "entra", "displayName": "House of Commons staff account", "url": "/api/auth/external/entra" }]""",
        }));
        await Page.ReloadAsync();
        var button = Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" });
        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("href", "/api/auth/external/entra?returnUrl=%2Fdesk.html");
        await Expect(Page.Locator("#providers")).ToContainTextAsync("House of Commons staff account");
        await AssertAccessibleAsync("the sign-in page with an organisation provider");
        AssertNoScriptErrors();
    }
}
