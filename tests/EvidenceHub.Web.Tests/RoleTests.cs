using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

/// <summary>Each page offers only what the caller's roles allow; the server refuses the rest anyway.</summary>
[TestClass]
public sealed class RoleTests : EvidenceHubPageTest
{
    private ILocator Nav => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    [TestMethod]
    public async Task The_public_sees_no_desk_and_no_upload_quote_or_tag_controls()
    {
        await Page.GotoAsync("/");
        await Expect(Nav).ToHaveAttributeAsync("data-ready", "public");
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        foreach (var staffOnly in new[] { "Quotes", "Clerk's desk", "Users", "Account" })
        {
            await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = staffOnly })).ToHaveCountAsync(0);
        }

        await Page.GotoAsync("/desk.html");
        var notice = Page.Locator("#access-notice");
        await Expect(notice).ToContainTextAsync("The clerk's desk is for staff. Sign in to use it.");
        await Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveAttributeAsync("href", "/signin?returnUrl=%2Fdesk.html");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true })).ToBeHiddenAsync();
        await Expect(Page.Locator("#submissions")).ToBeHiddenAsync();
        await ScreenshotAsync("desk-public");

        await Page.GotoAsync("/submission.html?ref=LBN0012");
        await Expect(Page.Locator("#passages > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#tags-summary")).Not.ToBeEmptyAsync();
        await Expect(Page.Locator("#passages button.quote-passage")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#quote-hint")).ToBeHiddenAsync();
        await Expect(Page.Locator("#tag-form")).ToBeHiddenAsync();
        await Expect(Page.Locator("#tags button")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("#metadata")).Not.ToContainTextAsync(".pdf");

        await Page.GotoAsync($"/submission.html?ref={WebServerSetup.NeverPublished}");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not found");
        await Expect(Page.Locator("#submission")).ToBeHiddenAsync();

        await Page.GotoAsync("/themes.html?inquiry=LBN");
        await Expect(Page.Locator("#codebook > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#editor")).ToBeHiddenAsync();
        await Expect(Page.Locator("#codebook button")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#codebook .rule")).ToHaveCountAsync(0);

        await Page.GotoAsync("/quotes.html");
        await Expect(Page.Locator("#access-notice")).ToContainTextAsync("Sign in");
        await Expect(Page.Locator("#quotes-page")).ToBeHiddenAsync();
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_researcher_sees_no_publish_control_and_the_API_refuses_them_anyway()
    {
        await SignInAsync(TestUsers.Researcher, "/desk.html?inquiry=LBN");
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Account" })).ToBeVisibleAsync();
        foreach (var notTheirs in new[] { "Quotes", "Clerk's desk", "Users" })
        {
            await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = notTheirs })).ToHaveCountAsync(0);
        }

        await Expect(Page.Locator("#access-notice")).ToContainTextAsync("needs the clerk role");
        await Expect(Page.Locator("#access-notice")).ToContainTextAsync(TestUsers.Researcher.Email);
        await Expect(Page.GetByLabel("Publication of LBN0005")).ToHaveCountAsync(0);

        // Their own work is offered: tagging; a clerk's and an author's is not.
        await Page.GotoAsync("/submission.html?ref=LBN0020");
        await Expect(Page.Locator("#tag-form")).ToBeVisibleAsync();
        await Expect(Page.Locator("#passages > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#passages button.quote-passage")).ToHaveCountAsync(0);

        var publish = await SendAsync("POST", "/api/submissions/LBN0005/publication", new { publication = "published" });
        Assert.AreEqual(403, publish.Status, "the server refuses a researcher's publication change");
        var quote = await SendAsync("POST", "/api/quotes", new { passageId = 1, start = 0, end = 5 });
        Assert.AreEqual(403, quote.Status, "and a quote, which is an author's");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_clerk_has_the_desk_but_no_tag_theme_or_quote_controls()
    {
        await SignInAsync(TestUsers.Clerk, "/submission.html?ref=LBN0020");
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Clerk's desk" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#passages > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#tags > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#tag-form")).ToBeHiddenAsync();
        await Expect(Page.Locator("#tags button")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#passages button.quote-passage")).ToHaveCountAsync(0);

        await Page.GotoAsync("/themes.html?inquiry=LBN");
        await Expect(Page.Locator("#codebook > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#codebook .rule").First).ToBeVisibleAsync(); // staff of the inquiry read the rules
        await Expect(Page.Locator("#editor")).ToBeHiddenAsync();
        await Expect(Page.Locator("#codebook button")).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_sign_in_that_has_ended_turns_a_refusal_into_sign_in_guidance()
    {
        await SignInAsync(TestUsers.Researcher, "/submission.html?ref=LBN0020");
        await Expect(Page.Locator("#tag-form")).ToBeVisibleAsync();
        await Context.ClearCookiesAsync(); // as when the 12-hour sign-in runs out

        await Page.GetByRole(AriaRole.Button, new() { Name = "Tag", Exact = true }).ClickAsync();
        var result = Page.Locator("#tag-result");
        await Expect(result.GetByRole(AriaRole.Alert)).ToContainTextAsync("You need to sign in to do this");
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveAttributeAsync("href", "/signin?returnUrl=%2Fsubmission.html%3Fref%3DLBN0020");
        AssertNoScriptErrors();
    }
}
