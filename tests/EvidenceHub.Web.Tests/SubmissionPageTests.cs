using System.Text.RegularExpressions;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class SubmissionPageTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task A_submission_shows_its_details_passages_search_within_and_similar_submissions()
    {
        // Staff of the inquiry (the public are not shown the original file's name).
        await SignInAsync(TestUsers.Researcher, "/submission.html?ref=LBN0012");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("LBN0012");
        await Expect(Page.Locator("#metadata")).ToContainTextAsync("Searchable");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = ".pdf" })).ToHaveAttributeAsync("href", "/api/submissions/LBN0012/file");
        await Expect(Page.Locator("#passages > li").First).ToBeVisibleAsync();
        Assert.IsGreaterThan(3, await Page.Locator("#passages > li").CountAsync());
        await Expect(Page.Locator("#similar a").First).ToHaveTextAsync(new Regex(@"LBN\d{4}"));

        await Page.GetByLabel("Words to find in this submission").FillAsync("participatory");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#within-summary")).ToHaveTextAsync(new Regex(@"^\d+ passages? match"));
        await Expect(Page.Locator("#within-hits mark").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#passages > li.found").First).ToBeVisibleAsync();
        await ScreenshotAsync("submission");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_search_result_leads_to_its_submission_page()
    {
        await Page.GotoAsync("/?q=community%20ownership");
        var first = Page.Locator("#hits > li.hit").First;
        var reference = await first.GetAttributeAsync("data-reference");
        await first.Locator("h3 a").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"submission.html\\?ref={reference}"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference!);
        AssertNoScriptErrors();
    }
}
