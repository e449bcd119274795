using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Web.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceHub.Web.Tests;

/// <summary>
/// "Check a draft" on the quotes page, on the sample inquiry: a Word draft with one exact quotation, one
/// cited to the wrong paragraph and one with a changed word comes back verbatim, wrong-location (with
/// the right paragraph) and not-verbatim; the panel with its findings passes axe.
/// </summary>
[TestClass]
public sealed class DraftCheckPanelTests : EvidenceHubPageTest
{
    [TestMethod]
    public async Task A_draft_is_checked_from_the_quotes_page()
    {
        await SignInAsync(TestUsers.Admin);
        var passages = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/submissions/LBN0012/passages")).TextAsync())!.AsArray()
            .Where(p => p!["paragraph"] is not null && p["text"]!.GetValue<string>().Split(' ').Length >= 10)
            .Take(2).ToList();
        Assert.HasCount(2, passages, "LBN0012 has numbered paragraphs");
        string Text(int i) => passages[i]!["text"]!.GetValue<string>();
        string Label(int i) => passages[i]!["paragraph"]!.GetValue<string>();
        var words = Text(0).Split(' ');
        var changed = string.Join(' ', words.Take(words.Length / 2).Append("zebras").Concat(words.Skip(words.Length / 2 + 1)));
        var draft = Docx(
            ($"The evidence says “{Text(0)}”", $"LBN0012 para {Label(0)}."),
            ($"It also says “{Text(1)}”", $"LBN0012 para {Label(0)}."),
            ($"And, misquoted, “{changed}”", $"LBN0012 para {Label(0)}."));

        await Page.GotoAsync("/quotes.html");
        var panel = Page.GetByRole(AriaRole.Region, new() { Name = "Check a draft" });
        await Expect(panel).ToBeVisibleAsync();
        await Page.GetByLabel("Inquiry", new() { Exact = true }).SelectOptionAsync("LBN");
        await Page.GetByLabel("Draft report (.docx)").SetInputFilesAsync(new FilePayload
        {
            Name = "chapter-3.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = draft,
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the draft" }).ClickAsync();

        var findings = Page.Locator("#draft-findings > li");
        await Expect(findings).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(findings.Nth(0).Locator(".badge")).ToHaveTextAsync("Verbatim");
        await Expect(findings.Nth(1).Locator(".badge")).ToHaveTextAsync("Wrong location");
        await Expect(findings.Nth(1).Locator("cite")).ToContainTextAsync($"(LBN0012) para {Label(1)}");
        await Expect(findings.Nth(2).Locator(".badge")).ToHaveTextAsync("Not verbatim");
        await Expect(findings.Nth(2).Locator(".diff")).ToContainTextAsync("{+zebras+}");
        await Expect(Page.Locator("#draft-summary")).ToContainTextAsync("3 quotations checked");
        await AssertAccessibleAsync("/quotes.html with a checked draft (an administrator)");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Get the draft back with comments" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download the checked draft" })).ToBeFocusedAsync();
        await ScreenshotAsync("quotes-draft-check");
        AssertNoScriptErrors();
    }

    /// <summary>A Word draft: each paragraph's text followed by a real footnote.</summary>
    private static byte[] Docx(params (string Text, string Footnote)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var footnotes = new Footnotes();
            var body = new Body();
            var id = 0;
            foreach (var (text, note) in paragraphs)
            {
                id++;
                footnotes.Append(new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Text(" " + note) { Space = SpaceProcessingModeValues.Preserve }))) { Id = id });
                body.Append(new Paragraph(new Run(new Text(text)), new Run(new FootnoteReference { Id = id })));
            }

            main.Document = new Document(body);
            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
        }

        return stream.ToArray();
    }
}
