using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class UsersPageTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task An_administrator_adds_a_user_and_gives_them_a_role_in_an_inquiry()
    {
        const string email = "new-author@evidencehub.test";
        await SignInAsync(TestUsers.Admin, "/users.html");
        await Expect(Page.Locator("#users > li").First).ToBeVisibleAsync();

        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Name").FillAsync("Nadia Author");
        await Page.GetByLabel("First password").FillAsync(TestUsers.UserPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(Page.Locator("#user-result")).ToContainTextAsync($"Added {email}.");

        var card = Page.Locator($"#users > li[data-email='{email}']");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Nadia Author ({email})");
        await Expect(card).ToContainTextAsync("No role in any inquiry yet.");
        await card.GetByLabel("Inquiry").SelectOptionAsync("LBN");
        await card.GetByLabel("Role").SelectOptionAsync("author");
        await card.GetByRole(AriaRole.Button, new() { Name = "Set role" }).ClickAsync();
        await Expect(Page.Locator("#users-status")).ToContainTextAsync($"{email} is now an author in LBN.");
        card = Page.Locator($"#users > li[data-email='{email}']");
        await Expect(card.Locator(".roles")).ToHaveTextAsync("LBN: Author Remove");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToBeFocusedAsync();
        await ScreenshotAsync("users");
        await AssertAccessibleAsync("the users page");

        // The role is real: the new user, signed in, is an author in LBN.
        using var user = await WebServerSetup.SignInAsync(new TestUser(email, TestUsers.UserPassword));
        var me = (await user.GetFromJsonAsync<JsonNode>("/api/me"))!;
        Assert.AreEqual("""[{"inquiry":"LBN","role":"author"}]""", me["roles"]!.ToJsonString());

        await card.GetByRole(AriaRole.Button, new() { Name = $"Remove the author role in LBN from {email}" }).ClickAsync();
        await Expect(Page.Locator("#users-status")).ToContainTextAsync($"{email} no longer has a role in LBN.");
        await Expect(Page.Locator($"#users > li[data-email='{email}']")).ToContainTextAsync("No role in any inquiry yet.");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task An_administrator_unlocks_an_account_and_sets_a_new_password()
    {
        var locked = new TestUser("locked-users-page@evidencehub.test", TestUsers.UserPassword);
        await WebServerSetup.CreateUserAsync(locked, "clerk", "LBN");
        using var script = new HttpClient { BaseAddress = WebServerSetup.BaseAddress };
        for (var i = 0; i < 5; i++)
        {
            await script.PostAsJsonAsync("/api/auth/token", new { email = locked.Email, password = $"guess number {i}" });
        }

        await SignInAsync(TestUsers.Admin, "/users.html");
        var card = Page.Locator($"#users > li[data-email='{locked.Email}']");
        await Expect(card.Locator(".badge.locked")).ToHaveTextAsync("Locked out");
        await Expect(card.Locator(".roles")).ToContainTextAsync("LBN: Clerk");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Unlock {locked.Email}" }).ClickAsync();
        await Expect(Page.Locator("#users-status")).ToContainTextAsync($"{locked.Email} is unlocked");
        card = Page.Locator($"#users > li[data-email='{locked.Email}']");
        await Expect(card.Locator(".badge.locked")).ToHaveCountAsync(0);

        const string newPassword = "a brand new password for the clerk";
        await card.GetByText($"Set a new password for {locked.Email}").ClickAsync();
        await card.GetByLabel("New password").FillAsync(newPassword);
        await card.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(Page.Locator("#users-status")).ToContainTextAsync($"The password of {locked.Email} is set");

        var signIn = await script.PostAsJsonAsync("/api/auth/token", new { email = locked.Email, password = newPassword });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, signIn.StatusCode, "the new password signs in");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Someone_who_is_not_an_administrator_is_told_the_page_is_not_for_them()
    {
        await SignInAsync(TestUsers.Clerk, "/users.html");
        await Expect(Page.Locator("#access-notice")).ToContainTextAsync("needs an administrator");
        await Expect(Page.Locator("#users-page")).ToBeHiddenAsync();
        AssertNoScriptErrors();
    }
}
