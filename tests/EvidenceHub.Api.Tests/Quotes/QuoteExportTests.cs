using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Quotes;

[TestClass]
public sealed class QuoteExportTests
{
    private const string Chapter = "Chapter 3: Power closer to communities";

    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;
    private static string written = null!;
    private static string oral = null!;
    private static readonly List<long> QuoteIds = [];

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("EXP");

        (written, var passages) = await api.UploadIndexedAsync("EXP",
            TestDocuments.Text("4.1 Money should follow need.", "4.2 Community ownership, \"done properly\", lasts."),
            "trust.txt", new() { ["submitterName"] = "Jo Bloggs", ["organisation"] = "Local Trust", ["category"] = "charity", ["receivedOn"] = "2023-09-01" });
        (oral, var turns) = await api.UploadIndexedAsync("EXP",
            TestDocuments.Text("Levelling Up Committee\nOral evidence: Neighbourhoods, HC 100", "Q45 Chair: What first?", "Simon Kaye: A budget of their own."),
            "oral.txt", new() { ["kind"] = "oral", ["submitterName"] = "Committee clerk", ["receivedOn"] = "2023-10-17" });

        QuoteIds.Add((await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.2"), "Community ownership, \"done properly\", lasts.", Chapter, "=HYPERLINK(\"http://x\")"))["id"]!.GetValue<long>());
        QuoteIds.Add((await api.QuoteCreatedAsync(turns.PassageId(p => p["speaker"]?.GetValue<string>() == "Simon Kaye"), "A budget of their own.", Chapter, "Pair with Local Trust."))["id"]!.GetValue<long>());
        QuoteIds.Add((await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.1"), "Money should follow need.", Chapter))["id"]!.GetValue<long>());
        await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.1"), "Money", "Another chapter");

        // The author moves the last quote to the top of the chapter.
        var reorder = await api.Http.PutAsJsonAsync($"/api/collections/{Uri.EscapeDataString(Chapter)}/order", new { quoteIds = new[] { QuoteIds[2], QuoteIds[0], QuoteIds[1] } });
        Assert.AreEqual(HttpStatusCode.OK, reorder.StatusCode, await reorder.Content.ReadAsStringAsync());
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Collections_list_their_quotes_in_the_order_set_and_a_bad_order_is_refused()
    {
        var quotes = (await api.GetJsonAsync($"/api/quotes?collection={Uri.EscapeDataString(Chapter)}")).AsArray();
        Assert.AreSequenceEqual(new[] { QuoteIds[2], QuoteIds[0], QuoteIds[1] }, quotes.Select(q => q!["id"]!.GetValue<long>()).ToArray());

        var collections = (await api.GetJsonAsync("/api/collections")).AsArray();
        Assert.AreEqual(3, collections.Single(c => c!.Str("name") == Chapter)!["quoteCount"]!.GetValue<int>());

        var missing = await api.Http.PutAsJsonAsync($"/api/collections/{Uri.EscapeDataString(Chapter)}/order", new { quoteIds = new[] { QuoteIds[0] } });
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    [TestMethod]
    public async Task The_Word_export_has_real_footnotes_holding_the_citations_and_validates()
    {
        var bytes = await api.Http.GetByteArrayAsync($"/api/quotes/export?collection={Uri.EscapeDataString(Chapter)}&format=docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;

        var footnotes = main.FootnotesPart!.Footnotes!.Elements<Footnote>().ToList();
        Assert.AreEqual(2, footnotes.Count(f => f.Type is not null), "the separator and continuation separator footnotes");
        var citations = footnotes.Where(f => f.Type is null).Select(f => f.InnerText.Trim()).ToList();
        Assert.AreSequenceEqual(
            new[] { $"Local Trust ({written}) para 4.1.", $"Local Trust ({written}) para 4.2.", "Q45 [Simon Kaye]." }, citations.ToArray());

        var body = main.Document!.Body!;
        var referenced = body.Descendants<FootnoteReference>().Select(r => r.Id!.Value).ToList();
        var quoteParagraphs = body.Elements<Paragraph>().Where(p => p.Descendants<FootnoteReference>().Any()).Select(p => p.InnerText).ToList();
        Assert.AreSequenceEqual(footnotes.Where(f => f.Type is null).Select(f => f.Id!.Value).ToArray(), referenced.ToArray());
        Assert.AreSequenceEqual(new[] { "Money should follow need.", "Community ownership, \"done properly\", lasts.", "A budget of their own." }, quoteParagraphs.ToArray());
        Assert.Contains($"{oral} Oral evidence taken on 17 October 2023", body.InnerText);
        Assert.Contains($"{written} Local Trust (Jo Bloggs): Written evidence, received 1 September 2023", body.InnerText);

        var errors = new OpenXmlValidator().Validate(document).ToList();
        Assert.IsEmpty(errors, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [TestMethod]
    public async Task The_Markdown_export_marks_each_quote_with_a_footnote_and_lists_the_evidence_cited_once()
    {
        var md = await api.Http.GetStringAsync($"/api/quotes/export?collection={Uri.EscapeDataString(Chapter)}&format=md");

        Assert.Contains("> Money should follow need.[^1]", md);
        Assert.Contains("> A budget of their own.[^3]", md);
        Assert.Contains($"[^1]: Local Trust ({written}) para 4.1", md);
        Assert.Contains("[^3]: Q45 \\[Simon Kaye\\]", md);
        Assert.Contains("## Evidence cited", md);
        Assert.AreEqual(1, md.Split($"- {written} ").Length - 1, "each submission once in the bibliography");
        Assert.Contains($"- {oral} Oral evidence taken on 17 October 2023", md);
        Assert.DoesNotContain("Another chapter", md);
    }

    [TestMethod]
    public async Task The_CSV_export_has_the_columns_quotes_RFC_4180_and_defuses_formulas()
    {
        var csv = await api.Http.GetStringAsync($"/api/quotes/export?collection={Uri.EscapeDataString(Chapter)}&format=csv");
        var rows = Csv.Parse(csv);

        Assert.AreSequenceEqual(
            new[] { "collection", "order", "quote", "citation", "reference", "submitter", "organisation", "category", "page", "paragraph", "question", "speaker", "note", "status" },
            rows[0].ToArray());
        Assert.HasCount(4, rows);
        var second = rows[2];
        Assert.AreEqual(Chapter, second[0]);
        Assert.AreEqual("2", second[1]);
        Assert.AreEqual("Community ownership, \"done properly\", lasts.", second[2]);
        Assert.AreEqual($"Local Trust ({written}) para 4.2", second[3]);
        Assert.AreEqual("charity", second[7]);
        Assert.AreEqual("4.2", second[9]);
        Assert.AreEqual("'=HYPERLINK(\"http://x\")", second[12], "a note that would run as a formula is defused");
        Assert.AreEqual("Simon Kaye", rows[3][11]);
        Assert.AreEqual("Q45", rows[3][10]);
        Assert.AreEqual("ok", rows[3][13]);
        Assert.Contains("\r\n", csv);
    }

    [TestMethod]
    public async Task The_public_gets_no_quotes_collections_or_exports()
    {
        var visitor = factory.CreatePublicClient();
        foreach (var url in new[] { $"/api/quotes?collection={Uri.EscapeDataString(Chapter)}", "/api/collections", $"/api/quotes/export?format=md&collection={Uri.EscapeDataString(Chapter)}" })
        {
            var response = await visitor.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, url);
            Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, url);
        }
    }

    /// <summary>A small RFC 4180 reader, to check the export the way a spreadsheet reads it.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { field.Append(c); }
                }
                else if (c == '"') { quoted = true; }
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
                }
                else { field.Append(c); }
            }

            return rows;
        }
    }
}
