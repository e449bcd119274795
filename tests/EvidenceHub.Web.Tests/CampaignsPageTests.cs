using System.Text;
using System.Text.Json.Nodes;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

/// <summary>The campaigns page shows a campaign as one row (its size, the template, each member's own words), and the themes page its balance panel; both pass axe.</summary>
[TestClass]
public sealed class CampaignsPageTests : EvidenceHubPageTest
{
    private const string Template =
        "The Brackenfold Lanes Forum asks the committee to let residents decide how the regeneration money is spent on their lanes.\n\n"
        + "Our evening buses were withdrawn last spring and the nearest pharmacy is now a forty minute walk for the older neighbours.\n\n"
        + "We ask for ten years of funding held by a residents' board rather than one-year grants that end before anything is built.";

    private static readonly string[] Own =
    [
        "My daughter waited three winters for the promised crossing outside the primary school on Heronsgate.",
        "The allotment society lost its lease when the depot was sold and forty plots went under gravel.",
        "Nobody answered our letters about the flooded underpass, so we cleared it ourselves with borrowed pumps.",
    ];

    [TestMethod]
    public async Task A_campaign_is_one_row_with_its_size_template_and_own_words_and_the_pages_pass_axe()
    {
        await SignInAsync(TestUsers.Admin);
        var created = await SendAsync("POST", "/api/inquiries", new { title = "Campaign page check", referencePrefix = "CPN" });
        Assert.IsTrue(created.Ok || created.Status == 409, await created.TextAsync());
        for (var i = 0; i < Own.Length; i++)
        {
            await UploadAsync($"Dear Committee,\n\n{Template}\n\n{Own[i]}\n\nResident {i}", $"lanes-{i}.txt");
        }

        await WaitForCampaignOfAsync(3);
        await Page.GotoAsync("/campaigns.html?inquiry=CPN");
        var row = Page.Locator("#campaigns > li.campaign");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".campaign-size")).ToContainTextAsync("3 submissions");
        await Expect(row.Locator("h3")).ToContainTextAsync("Brackenfold Lanes Forum");
        await row.GetByText("The template letter").ClickAsync();
        await Expect(row.Locator(".exemplar", new() { HasText = "Brackenfold Lanes Forum asks the committee" })).ToBeVisibleAsync();
        await Expect(row.Locator(".exemplar", new() { HasText = "flooded underpass" })).ToHaveCountAsync(0);
        await Expect(row.Locator(".own-words > li")).ToHaveCountAsync(3);
        await Expect(row.Locator(".own-words")).ToContainTextAsync("flooded underpass");
        await AssertAccessibleAsync("/campaigns.html?inquiry=CPN (an administrator)");
        await ScreenshotAsync("campaigns");

        await Page.GotoAsync("/themes.html?inquiry=LBN");
        await Expect(Page.Locator("#balance-table tbody tr").First).ToBeVisibleAsync();
        await AssertAccessibleAsync("/themes.html?inquiry=LBN with the balance panel (an administrator)");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_campaigns_page_passes_axe_for_the_public()
    {
        await Page.GotoAsync("/campaigns.html?inquiry=LBN");
        await Expect(Page.Locator("#campaigns-summary")).Not.ToBeEmptyAsync();
        await AssertAccessibleAsync("/campaigns.html?inquiry=LBN (public)");
        await Page.GotoAsync("/themes.html?inquiry=LBN");
        await Expect(Page.Locator("#balance-table tbody tr").First).ToBeVisibleAsync();
        await AssertAccessibleAsync("/themes.html?inquiry=LBN with the balance panel (public)");
        AssertNoScriptErrors();
    }

    private async Task UploadAsync(string text, string fileName)
    {
        var issued = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/auth/antiforgery")).TextAsync())!;
        var form = Page.APIRequest.CreateFormData();
        form.Set("file", new FilePayload { Name = fileName, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
        form.Set("submitterName", fileName);
        form.Set("category", "individual");
        var response = await Page.APIRequest.PostAsync("/api/inquiries/CPN/submissions", new()
        {
            Multipart = form,
            Headers = new Dictionary<string, string> { [issued["headerName"]!.GetValue<string>()] = issued["token"]!.GetValue<string>() },
        });
        Assert.IsTrue(response.Status is 202 or 409, await response.TextAsync());
    }

    private async Task WaitForCampaignOfAsync(int size)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var items = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/inquiries/CPN/campaigns")).TextAsync())!["items"]!.AsArray();
            if (items.Count == 1 && items[0]!["size"]!.GetValue<int>() == size)
            {
                return;
            }

            Assert.IsLessThan(deadline, DateTime.UtcNow, $"no campaign of {size} yet: {items.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
