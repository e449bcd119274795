using System.Text;
using System.Text.RegularExpressions;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class DeskTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task An_uploaded_file_is_indexed_and_then_found_in_search()
    {
        // Creating an inquiry is for administrators.
        await SignInAsync(TestUsers.Admin, "/desk.html");
        await CreateInquiryAsync("WEBUP", "Browser upload journey");

        await Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "zephyr-allotments.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Written evidence from the Zephyr Allotment Society\n\n1. Our zephyrine allotments are held in community ownership.\n\n2. We ask for a small fund for repairs.\n"),
        });
        await Page.GetByLabel("Submitter's name").FillAsync("Ada Lovelace");
        await Page.GetByLabel("Organisation").FillAsync("Zephyr Allotment Society");
        await Page.GetByLabel("Submitter category").SelectOptionAsync("community-group");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#upload-result")).ToContainTextAsync("Received as WEBUP0001");
        await Expect(Page.Locator("#upload-progress")).ToHaveAttributeAsync("value", "100");
        var row = Page.Locator("tr[data-reference=WEBUP0001]");
        await Expect(row.Locator(".status")).ToContainTextAsync("Searchable", new() { Timeout = 60_000 });
        await ScreenshotAsync("desk");

        await Page.GotoAsync("/?q=zephyrine");
        var hit = Page.Locator("#hits > li.hit[data-reference=WEBUP0001]");
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit.Locator("mark").First).ToHaveTextAsync(new Regex("zephyrine", RegexOptions.IgnoreCase));
        await Expect(hit.Locator(".citation cite").First).ToHaveTextAsync("Zephyr Allotment Society (WEBUP0001) para 1");
        await ScreenshotAsync("search-after-upload");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_file_that_cannot_be_read_shows_why_in_plain_words()
    {
        await SignInAsync(TestUsers.Admin, "/desk.html");
        await CreateInquiryAsync("WEBFX", "Browser failure journey");

        await Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "damaged.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a PDF at all\n%%EOF\n"),
        });
        await Page.GetByLabel("Submitter's name").FillAsync("Test Submitter");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#upload-result")).ToContainTextAsync("Received as WEBFX0001");

        var status = Page.Locator("tr[data-reference=WEBFX0001] .status");
        await Expect(status).ToContainTextAsync("Failed", new() { Timeout = 60_000 });
        await Expect(status).ToContainTextAsync("damaged");
        await Expect(status).ToContainTextAsync("Ask the submitter to send it again");
        await ScreenshotAsync("desk-failed-upload");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task A_clerk_publishes_a_submission_from_the_list()
    {
        await SignInAsync(TestUsers.Clerk, "/desk.html?inquiry=LBN");
        await Expect(Page.Locator("#new-inquiry")).ToBeHiddenAsync(); // creating inquiries is for administrators
        var row = Page.Locator("tr[data-reference=LBN0005]");
        await row.GetByLabel("Publication of LBN0005").SelectOptionAsync("published");
        await row.GetByRole(AriaRole.Button, new() { Name = "Set" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Saved");

        await Page.GotoAsync("/submission.html?ref=LBN0005");
        await Expect(Page.Locator("#metadata")).ToContainTextAsync("Published");
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task The_desk_is_readable_at_phone_width()
    {
        await Page.SetViewportSizeAsync(375, 800);
        await SignInAsync(TestUsers.Clerk, "/desk.html?inquiry=LBN");
        await Expect(Page.Locator("tr[data-reference=LBN0001]")).ToBeVisibleAsync();

        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.AreEqual(0, overflow, "no sideways scrolling at 375 px");
        await ScreenshotAsync("desk-375px");
        AssertNoScriptErrors();
    }

    private async Task CreateInquiryAsync(string prefix, string title)
    {
        await Page.GetByText("Create an inquiry").ClickAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("Reference prefix").FillAsync(prefix);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create inquiry" }).ClickAsync();
        await Expect(Page.Locator("#inquiry-result")).ToContainTextAsync($"Inquiry {prefix} created.");
        await Expect(Page.GetByLabel("Working on")).ToHaveValueAsync(prefix);
    }
}
