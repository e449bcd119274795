using System.Net;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Quotes;

/// <summary>
/// Citation data for reference managers: CSL-JSON valid against the CSL schemas (one item per cited
/// submission, one citation per quote with locator and label), and RIS and BibTeX carrying the same
/// author, title, date and number.
/// </summary>
[TestClass]
public sealed class CitationDataExportTests
{
    private const string Chapter = "Chapter 4: Money";

    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;
    private static string trust = null!;
    private static string oral = null!;
    private static string person = null!;
    private static string anonymous = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("CSL", "Neighbourhood money");
        (trust, var passages) = await api.UploadIndexedAsync("CSL", TestDocuments.Text("4.1 Money should follow need.", "4.2 Grants should last ten years."),
            "trust.txt", new() { ["submitterName"] = "Jo Bloggs", ["organisation"] = "Local Trust", ["category"] = "charity", ["receivedOn"] = "2023-09-01", ["title"] = "Written evidence submitted by Local Trust" });
        (oral, var turns) = await api.UploadIndexedAsync("CSL", TestDocuments.Text("Levelling Up Committee\nOral evidence: Neighbourhoods, HC 100", "Q45 Chair: What first?", "Simon Kaye: A budget of their own."),
            "oral.txt", new() { ["kind"] = "oral", ["submitterName"] = "Committee clerk", ["receivedOn"] = "2023-10-17" });
        (person, var own) = await api.UploadIndexedAsync("CSL", TestDocuments.Text("1. The hall needs a caretaker."),
            "person.txt", new() { ["submitterName"] = "Ada Lovelace", ["category"] = "individual", ["receivedOn"] = "2023-08-02" });
        (anonymous, var hidden) = await api.UploadIndexedAsync("CSL", TestDocuments.Text("1. Leave us alone to get on with it."),
            "anonymous.txt", new() { ["submitterName"] = "Priscilla Vantongeren", ["category"] = "individual", ["anonymous"] = "true", ["title"] = "Evidence from Priscilla Vantongeren" });

        await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.1"), "Money should follow need.", Chapter);
        await api.QuoteCreatedAsync(turns.PassageId(p => p["speaker"]?.GetValue<string>() == "Simon Kaye"), "A budget of their own.", Chapter);
        await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.2"), "Grants should last ten years.", Chapter);
        await api.QuoteCreatedAsync(own.PassageWithParagraph("1"), "The hall needs a caretaker.", Chapter);
        await api.QuoteCreatedAsync(hidden.PassageWithParagraph("1"), "Leave us alone to get on with it.", Chapter);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task CSL_JSON_has_one_valid_item_per_cited_submission()
    {
        var (dataSchema, _) = Standards.CslSchemas();
        var json = await ExportAsync("csl-json");
        Assert.IsNull(Standards.Problems(dataSchema, json), json);

        var items = JsonNode.Parse(json)!.AsArray().ToDictionary(i => i!.Str("id"), i => i!);
        Assert.AreSequenceEqual(new[] { trust, oral, person, anonymous }.Order().ToArray(), items.Keys.ToArray());
        var report = items[trust];
        Assert.AreEqual("report", report.Str("type"));
        Assert.AreEqual("Local Trust", report["author"]![0]!.Str("literal"));
        Assert.AreEqual("Written evidence submitted by Local Trust", report.Str("title"));
        Assert.AreEqual("Neighbourhood money", report.Str("container-title"));
        Assert.AreEqual(trust, report.Str("number"));
        Assert.AreEqual("[[2023,9,1]]", report["issued"]!["date-parts"]!.ToJsonString());
        Assert.EndsWith($"/submission.html?ref={trust}", report.Str("URL"));
        Assert.AreEqual("hearing", items[oral].Str("type"));
        Assert.AreEqual("Lovelace", items[person]["author"]![0]!.Str("family"));
        Assert.AreEqual("Ada", items[person]["author"]![0]!.Str("given"));
        Assert.AreEqual("Anonymous", items[anonymous]["author"]![0]!.Str("literal"));
        Assert.DoesNotContain("Vantongeren", json, "an anonymous submitter's name is in neither the author nor the title");
    }

    [TestMethod]
    public async Task Each_quote_is_a_valid_CSL_citation_with_a_locator_and_label()
    {
        var (_, citationSchema) = Standards.CslSchemas();
        var citations = JsonNode.Parse(await ExportAsync("csl-citations"))!.AsArray();
        Assert.HasCount(5, citations);
        foreach (var citation in citations)
        {
            Assert.IsNull(Standards.Problems(citationSchema, citation!.ToJsonString()), citation.ToJsonString());
            Assert.IsFalse(string.IsNullOrEmpty(citation["citationItems"]![0]!.Str("locator")), "a locator on every citation");
        }

        var pins = citations.Select(c => (Id: c!["citationItems"]![0]!.Str("id"), Locator: c["citationItems"]![0]!.Str("locator"), Label: c["citationItems"]![0]!.Str("label"))).ToList();
        Assert.Contains((trust, "4.1", "paragraph"), pins);
        Assert.Contains((oral, "Q45 [Simon Kaye]", "section"), pins);
        Assert.AreSequenceEqual(Enumerable.Range(1, 5).ToArray(), citations.Select(c => c!["properties"]!["noteIndex"]!.GetValue<int>()).ToArray(), "in footnote order");
    }

    [TestMethod]
    public void The_schema_check_fails_on_an_invalid_document()
    {
        var (dataSchema, citationSchema) = Standards.CslSchemas();
        Assert.IsNotNull(Standards.Problems(dataSchema, """[{ "id": "X1", "type": "evidence", "title": "Not a CSL type" }]"""));
        Assert.IsNotNull(Standards.Problems(dataSchema, """[{ "id": "X1", "type": "report", "author": "Not a name list" }]"""));
        Assert.IsNotNull(Standards.Problems(citationSchema, """{ "schema": "https://resource.citationstyles.org/schema/latest/input/json/csl-citation.json", "citationID": "q", "citationItems": [{ "id": "X1", "locator": "Q45", "label": "question" }] }"""));
    }

    [TestMethod]
    public async Task RIS_and_BibTeX_carry_the_same_author_title_date_and_number()
    {
        var ris = await ExportAsync("ris");
        var record = Record(ris, trust);
        Assert.Contains("TY  - RPRT", record);
        Assert.Contains("AU  - Local Trust", record);
        Assert.Contains("TI  - Written evidence submitted by Local Trust", record);
        Assert.Contains("DA  - 2023/09/01/", record);
        Assert.Contains($"SN  - {trust}", record);
        Assert.Contains("T2  - Neighbourhood money", record);
        var hearing = Record(ris, oral);
        Assert.Contains("TY  - HEAR", hearing);
        Assert.Contains($"M1  - {oral}", hearing);
        Assert.Contains("AU  - Lovelace, Ada", Record(ris, person));
        Assert.Contains("AU  - Anonymous", Record(ris, anonymous));

        var bib = await ExportAsync("bibtex");
        Assert.Contains($"@techreport{{{trust},", bib);
        var entry = bib[bib.IndexOf($"@techreport{{{trust},", StringComparison.Ordinal)..];
        entry = entry[..entry.IndexOf("\n}\n", StringComparison.Ordinal)];
        Assert.Contains("author = {{Local Trust}}", entry);
        Assert.Contains("title = {{Written evidence submitted by Local Trust}}", entry);
        Assert.Contains("date = {2023-09-01}", entry);
        Assert.Contains($"number = {{{trust}}}", entry);
        Assert.Contains("author = {Lovelace, Ada}", bib);
        Assert.DoesNotContain("Vantongeren", ris + bib);
    }

    [TestMethod]
    public async Task An_unknown_format_is_refused_and_the_public_gets_nothing()
    {
        var unknown = await api.Http.GetAsync("/api/quotes/export?format=endnote");
        Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("csl-json", (await ApiClient.ProblemAsync(unknown))["detail"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await factory.CreatePublicClient().GetAsync("/api/quotes/export?format=csl-json")).StatusCode);
    }

    private static async Task<string> ExportAsync(string format)
    {
        var response = await api.Http.GetAsync($"/api/quotes/export?collection={Uri.EscapeDataString(Chapter)}&format={format}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return body;
    }

    /// <summary>The RIS record (TY to ER) holding this reference.</summary>
    private static string Record(string ris, string reference) =>
        ris.Split("ER  - ").Single(r => r.Contains($"- {reference}\r\n", StringComparison.Ordinal));
}
