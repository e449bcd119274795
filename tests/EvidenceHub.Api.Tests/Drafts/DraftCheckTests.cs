using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Drafts;

/// <summary>
/// The draft-report checker on a generated draft holding each kind of finding twice: quotations word for
/// word at the cited place, cited to the wrong paragraph or question, with a changed word, invented, from
/// unpublished evidence, and beside the name of a submitter who asked to be anonymous.
/// </summary>
[TestClass]
public sealed class DraftCheckTests
{
    private const string Prefix = "DRF";

    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;
    private static string trust = null!;
    private static string oral = null!;
    private static string late = null!;
    private static string resident = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync(Prefix);
        (trust, _) = await api.UploadIndexedAsync(Prefix, TestDocuments.Text(
                "3.1 Money should follow need, not the quality of a bid written by consultants.",
                "3.2 Community ownership, done properly, lasts for generations.",
                "3.3 Small grants given early do more than large grants given late."),
            "trust.txt", new() { ["submitterName"] = "Jo Bloggs", ["organisation"] = "Local Trust", ["category"] = "charity" });
        (oral, _) = await api.UploadIndexedAsync(Prefix, TestDocuments.Text(
                "Levelling Up Committee\nOral evidence: Neighbourhoods, HC 100",
                "Q45 Chair: What would you do first?",
                "Simon Kaye: A budget of their own, for every neighbourhood, for ten years.",
                "Q46 Chair: And after that?",
                "Simon Kaye: Leave them alone to get on with it."),
            "oral.txt", new() { ["kind"] = "oral", ["submitterName"] = "Committee clerk" });
        (late, _) = await api.UploadIndexedAsync(Prefix, TestDocuments.Text(
                "1. The bus to the market town was withdrawn in the spring of last year.",
                "2. Nobody asked the parish before the depot closed its doors."),
            "late.txt", new() { ["submitterName"] = "Harbour Watch", ["category"] = "community-group" });
        (resident, _) = await api.UploadIndexedAsync(Prefix, TestDocuments.Text(
                "1. Trust the people who live here with some money and a building.",
                "2. Then leave us alone for long enough to make it work."),
            "resident.txt", new() { ["submitterName"] = "Priscilla Vantongeren", ["category"] = "individual", ["anonymous"] = "true" });
        foreach (var reference in new[] { trust, oral, resident })
        {
            await api.PublishAsync(reference);
        }
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    private static byte[] Draft() => DraftDocx.Build(
        "Chapter 3: Power closer to communities",
        "Some places are called “left behind”, a phrase we use with care.",
        $"One witness was clear: “Community ownership, done properly, lasts for generations.”[^Local Trust ({trust}) para 3.2.]",
        "Asked what he would do first, Simon Kaye answered “A budget of their own, for every neighbourhood, for ten years.”[^Q45 [Simon Kaye].]",
        $"We heard that “small grants given early do more than large grants given late”.[^{trust} para 3.1.]",
        $"And later: “Leave them alone to get on with it.”[^Q45.]",
        $"The Trust told us “money should follow need, not the quality of a bid written by Whitehall”.[^Local Trust ({trust}) para 3.1.]",
        $"> A budget of their own, for every street, for ten years. (Q45 [Simon Kaye])",
        $"It was put to us that “regeneration has always worked best when it was led from the town hall”.[^{trust} para 3.4.]",
        "Another said “the money never reaches the people who were promised it in the first place” (LBN0099).",
        $"A group told us “the bus to the market town was withdrawn in the spring of last year” ({late}).",
        $"And: “Nobody asked the parish before the depot closed its doors.”[^{late} para 2.]",
        $"Priscilla Vantongeren put it simply: “Trust the people who live here with some money and a building.”[^Anonymous ({resident}) para 1.]",
        "As Priscilla Vantongeren also told us, time matters as much as money.");

    [TestMethod]
    public async Task Each_quotation_gets_its_finding_in_document_order()
    {
        var report = await CheckAsync(Draft(), "json");
        var items = report["items"]!.AsArray();
        var statuses = items.Select(i => i!.Str("status")).ToArray();
        Assert.AreSequenceEqual(new[]
        {
            "verbatim", "verbatim", "wrong-location", "wrong-location", "not-verbatim", "not-verbatim",
            "not-found", "not-found", "unpublished-source", "unpublished-source", "names-anonymous", "names-anonymous",
        }, statuses, report.ToJsonString());
        Assert.AreEqual(12, report["quotations"]!.GetValue<int>() + 1, "the scare quote is not a quotation; the naming sentence is an item of its own");

        Assert.AreEqual($"Local Trust ({trust}) para 3.2", items[0]!["location"]!.Str("citation"));
        Assert.AreEqual("Q45", items[1]!["location"]!.Str("question"));

        // Wrong place: the words are there, and the right citation is suggested.
        Assert.AreEqual("3.3", items[2]!["location"]!.Str("paragraph"));
        Assert.AreEqual($"Local Trust ({trust}) para 3.3", items[2]!.Str("suggestion"));
        Assert.AreEqual("Q46", items[3]!["location"]!.Str("question"));
        Assert.AreEqual("Q46 [Simon Kaye]", items[3]!.Str("suggestion"));

        // A changed word: the closest passage and the word diff.
        Assert.AreEqual("3.1", items[4]!["location"]!.Str("paragraph"));
        Assert.Contains("[-consultants.-] {+Whitehall+}", items[4]!.Str("diff"));
        Assert.Contains("[-neighbourhood,-] {+street,+}", items[5]!.Str("diff"));
        Assert.AreEqual("Q45 [Simon Kaye]", items[5]!.Str("suggestion"));

        Assert.IsNull(items[6]!["location"]);
        Assert.IsNull(items[7]!["location"]);
        Assert.AreEqual(late, items[8]!["location"]!.Str("reference"));
        Assert.AreEqual(late, items[9]!["location"]!.Str("reference"));

        Assert.AreEqual("Priscilla Vantongeren", items[10]!.Str("named"));
        Assert.AreEqual($"Anonymous ({resident}) para 1", items[10]!.Str("suggestion"));
        Assert.AreEqual("Priscilla Vantongeren", items[11]!.Str("named"));
        Assert.AreEqual(2, report["counts"]!["names-anonymous"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task The_Word_report_is_the_draft_with_a_comment_at_each_finding()
    {
        var bytes = await CheckBytesAsync(Draft(), "docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;
        var comments = main.WordprocessingCommentsPart!.Comments!.Elements<Comment>().ToList();
        Assert.HasCount(12, comments);
        Assert.IsTrue(comments.All(c => c.Author!.Value == "EvidenceHub"));
        var body = main.Document!.Body!;
        Assert.HasCount(12, body.Descendants<CommentRangeStart>().ToList());
        Assert.HasCount(12, body.Descendants<CommentReference>().ToList());

        // The comment sits on the quotation's paragraph and suggests the corrected footnote.
        var wrong = body.Descendants<Paragraph>().Single(p => p.InnerText.Contains("small grants given early", StringComparison.Ordinal));
        var id = wrong.Descendants<CommentRangeStart>().Single().Id!.Value;
        var text = comments.Single(c => c.Id!.Value == id).InnerText;
        Assert.Contains("Wrong location", text);
        Assert.Contains($"Suggested footnote: Local Trust ({trust}) para 3.3.", text);
        Assert.Contains("Chapter 3: Power closer to communities", body.InnerText, "the draft's own text is kept");
        Assert.HasCount(8, main.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Type is null).ToList(), "its footnotes too");
    }

    [TestMethod]
    public async Task What_is_not_a_draft_or_not_the_authors_is_refused_plainly()
    {
        var notWord = await PostAsync(api.Http, TestDocuments.Text("Not a Word file."), "json");
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, notWord.StatusCode);
        Assert.Contains("Word", (await ApiClient.ProblemAsync(notWord))["title"]!.GetValue<string>());

        var noFile = await api.Http.PostAsync($"/api/inquiries/{Prefix}/drafts/check", new MultipartFormDataContent());
        Assert.AreEqual(HttpStatusCode.BadRequest, noFile.StatusCode);

        var badFormat = await PostAsync(api.Http, Draft(), "pdf");
        Assert.AreEqual(HttpStatusCode.BadRequest, badFormat.StatusCode);

        var missing = await api.Http.PostAsync("/api/inquiries/NOPE/drafts/check?format=json", Form(Draft()));
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);

        var publicCaller = await PostAsync(factory.CreatePublicClient(), Draft(), "json");
        Assert.AreEqual(HttpStatusCode.Unauthorized, publicCaller.StatusCode);
        var researcher = await factory.CreateUserClientAsync("draft.researcher@example.org", "researcher", Prefix);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await PostAsync(researcher, Draft(), "json")).StatusCode);
    }

    private static async Task<JsonNode> CheckAsync(byte[] draft, string format)
    {
        var response = await PostAsync(api.Http, draft, format);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return JsonNode.Parse(body)!;
    }

    private static async Task<byte[]> CheckBytesAsync(byte[] draft, string format)
    {
        var response = await PostAsync(api.Http, draft, format);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] draft, string format) =>
        client.PostAsync($"/api/inquiries/{Prefix}/drafts/check?format={format}", Form(draft));

    private static MultipartFormDataContent Form(byte[] draft)
    {
        var file = new ByteArrayContent(draft);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return new MultipartFormDataContent { { file, "file", "draft.docx" } };
    }
}
