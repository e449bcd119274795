using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

[TestClass]
public sealed class QuoteTests : EvidenceHubPageTest
{
    private const string SelectWords = """
        (needle) => {
          const text = [...document.querySelectorAll('#passages p.text')].find((p) => p.textContent.includes(needle));
          const node = text.firstChild;
          const at = node.textContent.indexOf(needle);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
        """;

    [TestMethod]
    public async Task An_upload_is_indexed_found_quoted_from_a_selection_and_exported()
    {
        // upload → indexed (an administrator: a new inquiry, its clerk and its author at once)
        await SignInAsync(TestUsers.Admin, "/desk.html");
        await Page.GetByText("Create an inquiry").ClickAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser quote journey");
        await Page.GetByLabel("Reference prefix").FillAsync("WEBQT");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create inquiry" }).ClickAsync();
        await Expect(Page.GetByLabel("Working on")).ToHaveValueAsync("WEBQT");
        await Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "quillon-hall.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Written evidence from the Quillon Parish Trust\n\n1. The quillon hall is run by volunteers every weekend of the year.\n\n2. We need revenue funding for a caretaker.\n"),
        });
        await Page.GetByLabel("Submitter's name").FillAsync("Grace Hopper");
        await Page.GetByLabel("Organisation").FillAsync("Quillon Parish Trust");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(Page.Locator("tr[data-reference=WEBQT0001] .status")).ToContainTextAsync("Searchable", new() { Timeout = 60_000 });

        // → found
        await Page.GotoAsync("/?q=quillon");
        await Page.Locator("#hits > li.hit[data-reference=WEBQT0001] h3 a").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("WEBQT0001");

        // → quoted: select words inside a passage, "Quote this", into a new collection with a note
        await Expect(Page.Locator("#passages p.text", new() { HasText = "run by volunteers" })).ToBeVisibleAsync();
        await Page.EvaluateAsync(SelectWords, "run by volunteers every weekend");
        var quoteThis = Page.GetByRole(AriaRole.Button, new() { Name = "Quote this" });
        await Expect(quoteThis).ToBeVisibleAsync();
        await quoteThis.ClickAsync();
        await Expect(Page.GetByLabel("Words to quote")).ToHaveValueAsync("run by volunteers every weekend");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("document.activeElement?.id === 'quote-text'"), "focus moves to the quote form");
        await Page.GetByLabel("Collection").FillAsync("Chapter WEBQT");
        await Page.GetByLabel("Note").FillAsync("Volunteers carry the hall");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save quote" }).ClickAsync();
        await Expect(Page.Locator("#quote-citation")).ToHaveTextAsync("Quillon Parish Trust (WEBQT0001) para 1");
        await Expect(Page.Locator("#quote-result blockquote")).ToHaveTextAsync("run by volunteers every weekend");
        await ScreenshotAsync("submission-quote");

        // → exported: the collection on the quotes page, and its Markdown and Word exports
        await Page.GetByRole(AriaRole.Link, new() { Name = "See the collection" }).ClickAsync();
        await Expect(Page.Locator("#quotes-heading")).ToHaveTextAsync("Collection: Chapter WEBQT");
        var quote = Page.Locator("#quotes > li").First;
        await Expect(quote.Locator("blockquote")).ToHaveTextAsync("run by volunteers every weekend");
        await Expect(quote.Locator("cite")).ToHaveTextAsync("Quillon Parish Trust (WEBQT0001) para 1");
        await Expect(quote.Locator(".note")).ToContainTextAsync("Volunteers carry the hall");
        await Expect(quote.Locator(".badge")).ToContainTextAsync("Checked");
        await ScreenshotAsync("quotes");

        var markdown = await Page.APIRequest.GetAsync(await Page.GetByRole(AriaRole.Link, new() { Name = "Markdown" }).GetAttributeAsync("href") ?? "");
        Assert.AreEqual(200, markdown.Status);
        var text = await markdown.TextAsync();
        Assert.Contains("run by volunteers every weekend", text);
        Assert.Contains("Quillon Parish Trust (WEBQT0001) para 1", text);

        var word = await Page.APIRequest.GetAsync(await Page.GetByRole(AriaRole.Link, new() { Name = "Word (footnotes)" }).GetAttributeAsync("href") ?? "");
        Assert.AreEqual(200, word.Status);
        using var docx = new ZipArchive(new MemoryStream(await word.BodyAsync()));
        Assert.Contains("run by volunteers every weekend", await ReadAsync(docx, "word/document.xml"));
        Assert.Contains("WEBQT0001", await ReadAsync(docx, "word/footnotes.xml"));
        AssertNoScriptErrors();
    }

    [TestMethod]
    public async Task Quotes_are_reordered_from_the_keyboard_verified_and_deleted()
    {
        await SignInAsync(TestUsers.Admin);
        var passages = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/submissions/LBN0012/passages")).TextAsync())!.AsArray();
        var ids = new List<long>();
        foreach (var passage in passages.Skip(1).Take(3))
        {
            var response = await SendAsync("POST", "/api/quotes", new { passageId = passage!["id"]!.GetValue<long>(), start = 0, end = 20, collection = "Reorder WEB" });
            Assert.AreEqual(201, response.Status, await response.TextAsync());
            ids.Add(JsonNode.Parse(await response.TextAsync())!["id"]!.GetValue<long>());
        }

        await Page.GotoAsync("/quotes.html?collection=Reorder%20WEB");
        await Expect(Page.Locator("#quotes > li")).ToHaveCountAsync(3);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Move quote 1 down" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#quotes-status")).ToContainTextAsync("Moved to position 2 of 3");
        Assert.AreEqual(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            await Page.EvaluateAsync<string>("document.activeElement.closest('li').dataset.quoteId"), "focus follows the moved quote");
        var order = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/quotes?collection=Reorder%20WEB")).TextAsync())!.AsArray()
            .Select(q => q!["id"]!.GetValue<long>()).ToList();
        Assert.AreSequenceEqual(new[] { ids[1], ids[0], ids[2] }, order);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify quotes" }).ClickAsync();
        await Expect(Page.Locator("#quotes-status")).ToContainTextAsync(new Regex(@"Checked \d+ quotes?"));

        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete quote 3" }).ClickAsync();
        await Expect(Page.Locator("#quotes > li")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#collections")).ToContainTextAsync("Reorder WEB (2)");

        await Page.SetViewportSizeAsync(375, 800);
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.AreEqual(0, overflow, "no sideways scrolling at 375 px");
        await ScreenshotAsync("quotes-375px");
        AssertNoScriptErrors();
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new AssertFailedException($"{name} is missing from the Word file");
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }
}
