using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

/// <summary>
/// Every page passes axe (WCAG 2.2 AA and axe's best practices) with no violations, as the public
/// sees it and as staff see it, once its content has loaded.
/// </summary>
[TestClass]
public sealed class AccessibilityTests : EvidenceHubPageTest
{
    private static readonly (string Url, string Ready)[] PublicPages =
    [
        ("/", "#summary:not(:empty)"),
        ("/?q=community%20ownership", "#hits > li.hit"),
        ("/?q=comunity%20ownership", "#did-you-mean a"),
        ("/submission.html?ref=LBN0012", "#passages > li"),
        ("/themes.html?inquiry=LBN", "#codebook > li"),
        ("/desk.html", "#access-notice"),
        ("/quotes.html", "#access-notice"),
        ("/users.html", "#access-notice"),
        ("/account.html", "#access-notice"),
        ("/signin", "#signin-form"),
    ];

    private static readonly (string Url, string Ready)[] StaffPages =
    [
        ("/?q=community%20ownership", "#hits > li.hit"),
        ("/submission.html?ref=LBN0020", "#tags > li"),
        ("/themes.html?inquiry=LBN", "#codebook > li button"),
        ("/desk.html?inquiry=LBN", "tr[data-reference=LBN0001]"),
        ("/quotes.html", "#quotes-summary:not(:empty)"),
        ("/users.html", "#users > li"),
        ("/account.html", "#tokens-summary:not(:empty)"),
        ("/signin", "#signin-status .notice"),
    ];

    [TestMethod]
    public async Task Every_page_passes_axe_for_the_public()
    {
        foreach (var (url, ready) in PublicPages)
        {
            await ScanAsync(url, ready, "public");
        }

        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Every_page_passes_axe_for_staff()
    {
        await SignInAsync(TestUsers.Admin);
        foreach (var (url, ready) in StaffPages)
        {
            await ScanAsync(url, ready, "an administrator");
        }

        // The quote form open under a passage.
        await Page.GotoAsync("/submission.html?ref=LBN0020");
        await Page.Locator("#passages button.quote-passage").First.ClickAsync();
        await Expect(Page.GetByLabel("Words to quote")).ToBeFocusedAsync();
        await AssertAccessibleAsync("/submission.html with the quote form open (an administrator)");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_pages_pass_axe_for_a_researcher_without_the_desk()
    {
        await SignInAsync(TestUsers.Researcher);
        await ScanAsync("/desk.html", "#access-notice", "a researcher");
        await ScanAsync("/themes.html?inquiry=LBN", "#editor:not([hidden])", "a researcher");
        AssertNoScriptErrors();
    }

    private async Task ScanAsync(string url, string ready, string who)
    {
        await Page.GotoAsync(url);
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveAttributeAsync("data-ready", new System.Text.RegularExpressions.Regex("."));
        await Expect(Page.Locator(ready).First).ToBeAttachedAsync();
        await AssertAccessibleAsync($"{url} ({who})");
    }
}
