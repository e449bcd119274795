using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

/// <summary>
/// The pages and the job dashboard work under their Content-Security-Policy: Chromium reports anything the
/// policy refuses (an inline style or script, eval) as a console error, which fails the test.
/// </summary>
[TestClass]
public sealed class SecurityPolicyTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task Theme_swatches_keep_their_colour_under_a_policy_without_inline_styles()
    {
        var response = await Page.GotoAsync("/themes.html?inquiry=LBN");
        Assert.Contains("style-src 'self';", await response!.HeaderValueAsync("content-security-policy") ?? string.Empty);

        var swatch = Page.Locator("#codebook > li", new() { HasText = "Community ownership" }).Locator(".swatch");
        await Expect(swatch).ToHaveCSSAsync("background-color", "rgb(46, 125, 50)"); // #2E7D32, from samples/lbn/themes.json
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_job_dashboard_works_under_its_own_policy()
    {
        await SignInAsync(TestUsers.Admin); // the dashboard is the administrators'
        var response = await Page.GotoAsync("/hangfire");
        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy") ?? string.Empty);

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).First).ToBeVisibleAsync();
        await Page.GotoAsync("/hangfire/jobs/succeeded");
        await Expect(Page.Locator("h1")).ToBeVisibleAsync();
        AssertNoScriptErrors();
    }
}
