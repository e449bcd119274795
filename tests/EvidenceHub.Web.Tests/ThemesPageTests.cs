using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class ThemesPageTests : EvidenceHubPageTest
{
    /// <summary>Hits on a page of the search page (js/search.js).</summary>
    private const int SearchPageSize = 20;

    private const string Rule = "\"youth club\" OR \"youth clubs\"";

    [TestMethod]
    public async Task Adding_a_theme_shows_its_match_count_before_saving_and_its_filter_then_narrows_search()
    {
        // An administrator: the search counts everything the rule matches, published or not, as the theme does.
        await SignInAsync(TestUsers.Admin);
        var expected = await TotalAsync($"/api/search?inquiry=LBN&pageSize=1&q={Uri.EscapeDataString(Rule)}");
        Assert.IsGreaterThan(0, expected);
        Assert.IsLessThan(WebServerSetup.SampleSubmissions, expected);

        await Page.GotoAsync("/themes.html?inquiry=LBN");
        await Expect(Page.Locator("#codebook > li").First).ToBeVisibleAsync();
        await Page.GetByLabel("Name").FillAsync("Youth provision");
        await Page.GetByLabel("Rule").FillAsync("\"youth club");
        await Expect(Page.Locator("#rule-check")).ToContainTextAsync("not valid");
        await Expect(Page.GetByLabel("Rule")).ToHaveAttributeAsync("aria-invalid", "true");

        await Page.GetByLabel("Rule").FillAsync(Rule);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the rule" }).ClickAsync();
        await Expect(Page.Locator("#rule-count")).ToHaveTextAsync($"{expected} submission{(expected == 1 ? "" : "s")}");
        await ScreenshotAsync("themes-rule-preview");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save theme" }).ClickAsync();
        await Expect(Page.Locator("#save-result")).ToContainTextAsync("Saved “Youth provision”");
        var item = Page.Locator("#codebook > li", new() { HasText = "Youth provision" });
        await Expect(item.Locator(".theme-count")).ToHaveTextAsync($"{expected} submission{(expected == 1 ? "" : "s")}", new() { Timeout = 60_000 });
        await ScreenshotAsync("themes");

        // The theme filter on the search page now narrows the evidence to what the rule matched.
        await item.Locator(".theme-count").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"theme=Youth(\+|%20)provision"));
        await Expect(Page.Locator("#summary")).ToHaveTextAsync(new Regex($"^{expected} submissions? ·"));
        Assert.AreEqual(Math.Min(expected, SearchPageSize), await Page.Locator("#hits > li.hit").CountAsync(), "the first page of what the rule matched");

        // Delete it again, so the sample codebook stays as loaded.
        await Page.GotoAsync("/themes.html?inquiry=LBN");
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete Youth provision" }).ClickAsync();
        await Expect(Page.Locator("#save-result")).ToContainTextAsync("Deleted “Youth provision”");
        await Expect(Page.Locator("#codebook")).Not.ToContainTextAsync("Youth provision");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Editing_a_theme_checks_its_rule_and_keyboard_alone_reaches_the_form()
    {
        await SignInAsync(TestUsers.Researcher, "/themes.html?inquiry=LBN");
        var edit = Page.GetByRole(AriaRole.Button, new() { Name = "Edit Place-based partnerships" });
        await edit.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#editor-heading")).ToHaveTextAsync("Edit “Place-based partnerships”");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("document.activeElement?.id === 'theme-name'"), "focus moves to the form");
        await Expect(Page.Locator("#rule-count")).ToHaveTextAsync(new Regex(@"^\d+ submissions?$"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel editing" }).ClickAsync();
        await Expect(Page.Locator("#editor-heading")).ToHaveTextAsync("Add a theme");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_coverage_chart_renders_with_its_downloads()
    {
        await Page.GotoAsync("/themes.html?inquiry=LBN");
        var chart = Page.Locator("#coverage img");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAttributeAsync("alt", new Regex("Bar chart"));
        await Page.WaitForFunctionAsync("document.querySelector('#coverage img').complete && document.querySelector('#coverage img').naturalWidth > 0");

        var svg = await Page.APIRequest.GetAsync(await Page.Locator("#coverage-svg").GetAttributeAsync("href") ?? "");
        Assert.Contains("<svg", await svg.TextAsync());
        var csv = await Page.APIRequest.GetAsync(await Page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).GetAttributeAsync("href") ?? "");
        Assert.Contains("Community ownership", await csv.TextAsync());
        await chart.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("themes-coverage");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_themes_page_is_readable_at_phone_width()
    {
        await Page.SetViewportSizeAsync(375, 800);
        await SignInAsync(TestUsers.Researcher, "/themes.html?inquiry=LBN");
        await Expect(Page.Locator("#codebook > li").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#coverage img")).ToBeVisibleAsync();
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.AreEqual(0, overflow, "no sideways scrolling at 375 px");
        await ScreenshotAsync("themes-375px");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_submission_is_tagged_by_hand_and_an_automatic_tag_confirmed_on_its_page()
    {
        await SignInAsync(TestUsers.Researcher, "/submission.html?ref=LBN0020");
        await Expect(Page.Locator("#tags-summary")).Not.ToBeEmptyAsync();

        await Page.GetByLabel("Tag by hand with").SelectOptionAsync(new SelectOptionValue { Label = "Place-based partnerships" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tag", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#tag-result")).ToContainTextAsync("Tagged with “Place-based partnerships” by hand.");
        var tag = Page.Locator("#tags > li", new() { HasText = "Place-based partnerships" });
        await Expect(tag.Locator(".tag-state")).ToHaveTextAsync("Manual");
        await Expect(tag.Locator(".reason")).ToContainTextAsync("Tagged by hand");

        var automatic = Page.Locator("#tags > li", new() { HasText = "Community ownership" });
        await Expect(automatic.Locator(".tag-state")).ToHaveTextAsync("Automatic");
        await Expect(automatic.Locator(".reason")).ToContainTextAsync("The rule matched");
        await automatic.GetByRole(AriaRole.Button, new() { Name = "Confirm Community ownership" }).ClickAsync();
        await Expect(automatic.Locator(".tag-state")).ToHaveTextAsync("Confirmed");

        await ScreenshotAsync("submission-themes");
        await tag.GetByRole(AriaRole.Button, new() { Name = "Remove Place-based partnerships" }).ClickAsync();
        await Expect(Page.Locator("#tag-result")).ToContainTextAsync("Removed “Place-based partnerships”.");
        AssertNoScriptErrors();
    }

    private async Task<int> TotalAsync(string url)
    {
        var response = await Page.APIRequest.GetAsync(url);
        return JsonNode.Parse(await response.TextAsync())!["total"]!.GetValue<int>();
    }
}
