using System.Text.RegularExpressions;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed partial class SearchPageTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task A_linked_search_renders_the_search_box_and_results_with_reference_codes()
    {
        await Page.GotoAsync("/?q=community%20ownership");

        await Expect(Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the evidence" })).ToHaveValueAsync("community ownership");
        var hits = Page.Locator("#hits > li.hit");
        await Expect(hits.First).ToBeVisibleAsync();
        await Expect(hits.First.Locator(".ref")).ToHaveTextAsync(ReferenceCode());
        await Expect(hits.First.Locator("mark").First).ToBeVisibleAsync();
        await Expect(hits.First.Locator(".citation cite").First).ToContainTextAsync(ReferenceCode());
        Assert.IsGreaterThan(1, await hits.CountAsync());
        await ScreenshotAsync("search");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Clicking_facets_narrows_the_counts_and_clearing_or_going_back_restores_them()
    {
        await Page.GotoAsync("/?q=community%20ownership");
        var summary = Page.Locator("#summary");
        await Expect(summary).ToHaveTextAsync(SubmissionsMatch());
        var before = await TotalAsync(summary);

        await Page.Locator("#facet-category").GetByRole(AriaRole.Checkbox, new() { Name = "Academic" }).CheckAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("category=academic"));
        await Expect(summary).ToHaveTextAsync(new Regex($"^(?!{before} )\\d+ submissions? match")); // a new count, not "Searching…"
        var academic = await TotalAsync(summary);
        Assert.IsLessThan(before, academic);
        await Expect(Page.Locator("#hits > li.hit")).ToHaveCountAsync(academic);
        // Counts in the other facets follow the filter.
        var kindCounts = await Page.Locator("#facet-kind .count").AllTextContentsAsync();
        Assert.AreEqual(academic, kindCounts.Sum(c => int.Parse(c.Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture)));
        await ScreenshotAsync("search-facet");

        // A second value of the same facet widens (OR).
        await Page.Locator("#facet-category").GetByRole(AriaRole.Checkbox, new() { Name = "Charity" }).CheckAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("category=academic&category=charity"));
        await Expect(summary).ToHaveTextAsync(new Regex($"^(?!{academic} )\\d+ submissions? match"));
        Assert.IsGreaterThan(academic, await TotalAsync(summary));

        await Page.GoBackAsync();
        await Expect(summary).ToHaveTextAsync(new Regex($"^{academic} submission"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear all filters" }).ClickAsync();
        await Expect(summary).ToHaveTextAsync(new Regex($"^{before} submissions"));
        await Expect(Page).Not.ToHaveURLAsync(new Regex("category="));
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_query_that_does_not_parse_shows_the_problem_next_to_the_box()
    {
        await Page.GotoAsync("/");
        var box = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the evidence" });
        await box.FillAsync("\"community ownership");
        await box.PressAsync("Enter");

        var problem = Page.Locator("#query-problem");
        await Expect(problem).ToBeVisibleAsync();
        await Expect(problem).ToContainTextAsync("unclosed quote");
        await Expect(box).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync("search-bad-query");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_misspelt_search_offers_the_spelling_the_evidence_uses_as_a_link_that_runs_it()
    {
        await Page.GotoAsync("/");
        var box = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the evidence" });
        await box.FillAsync("comunity ownership");
        await box.PressAsync("Enter");

        await Expect(Page.Locator("#summary")).ToHaveTextAsync("No submissions match.");
        var suggestion = Page.Locator("#did-you-mean");
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(suggestion).ToContainTextAsync(new Regex(@"^Did you mean community ownership\? It finds \d+ submissions\.$"));
        var link = suggestion.GetByRole(AriaRole.Link, new() { Name = "community ownership" });
        await Expect(link).ToHaveAttributeAsync("href", new Regex(@"^/\?q=community(\+|%20)ownership$"));
        var offered = await TotalAsync(suggestion, new Regex(@"finds (\d+)"));
        await AssertAccessibleAsync("/?q=comunity%20ownership with its spelling suggestion (the public)");
        await ScreenshotAsync("search-did-you-mean");

        await link.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"q=community(\+|%20)ownership"));
        await Expect(box).ToHaveValueAsync("community ownership");
        await Expect(Page.Locator("#summary")).ToHaveTextAsync(new Regex($"^{offered} submissions match"));
        await Expect(Page.Locator("#hits > li.hit").First).ToBeVisibleAsync();
        await Expect(suggestion).ToBeHiddenAsync();

        // Back returns to the misspelt search and its suggestion.
        await Page.GoBackAsync();
        await Expect(box).ToHaveValueAsync("comunity ownership");
        await Expect(link).ToBeVisibleAsync();
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Search_and_filter_work_from_the_keyboard_alone()
    {
        await Page.GotoAsync("/");
        await Page.Keyboard.PressAsync("Tab"); // the skip link
        await Page.Keyboard.PressAsync("Tab"); // the brand
        for (var i = 0; i < 10 && !await Page.EvaluateAsync<bool>("document.activeElement?.id === 'q'"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.IsTrue(await Page.EvaluateAsync<bool>("document.activeElement?.id === 'q'"), "Tab reaches the search box");
        await Page.Keyboard.TypeAsync("participatory budgeting");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex(@"q=participatory(\+|%20)budgeting"));
        await Expect(Page.Locator("#hits > li.hit").First).ToBeVisibleAsync();

        var firstFacet = Page.Locator("#facet-groups input[type=checkbox]").First;
        await firstFacet.FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.Locator("#facet-groups input[type=checkbox]:checked")).ToHaveCountAsync(1);
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_search_page_is_readable_at_phone_width()
    {
        await Page.SetViewportSizeAsync(375, 800);
        await Page.GotoAsync("/?q=community%20ownership");
        await Expect(Page.Locator("#hits > li.hit").First).ToBeVisibleAsync();

        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.AreEqual(0, overflow, "no sideways scrolling at 375 px");
        await ScreenshotAsync("search-375px");
        AssertNoScriptErrors();
    }

    private static async Task<int> TotalAsync(ILocator text, Regex number) =>
        int.Parse(number.Match(await text.TextContentAsync() ?? string.Empty).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> TotalAsync(ILocator summary) =>
        int.Parse(LeadingNumber().Match(await summary.TextContentAsync() ?? string.Empty).Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\d+ submissions? match")]
    private static partial Regex SubmissionsMatch();

    [GeneratedRegex(@"LBN\d{4}")]
    private static partial Regex ReferenceCode();
}
