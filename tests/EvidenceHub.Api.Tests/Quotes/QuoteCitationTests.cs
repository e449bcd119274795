using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Quotes;

[TestClass]
public sealed class QuoteCitationTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    private static readonly Dictionary<string, string> LocalTrust = new()
    {
        ["submitterName"] = "Jo Bloggs", ["organisation"] = "Local Trust", ["category"] = "charity", ["receivedOn"] = "2023-09-01",
    };

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("QCT");
        await api.CreateInquiryAsync("TPL");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    private static byte[] Numbered(string marker) => TestDocuments.Text(
        "4.1 Neighbourhoods need long-term funding that they control themselves.",
        $"4.2 Community ownership of buildings gives residents a stake in the place where they live ({marker}).");

    [TestMethod]
    public async Task An_exact_quote_from_numbered_written_evidence_cites_organisation_reference_and_paragraph()
    {
        var (reference, passages) = await api.UploadIndexedAsync("QCT", Numbered("exact"), "trust.txt", LocalTrust);

        var quote = await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.2"), "Community ownership of buildings gives residents a stake");

        Assert.AreEqual($"Local Trust ({reference}) para 4.2", quote.Str("citation"));
        Assert.AreEqual(reference, quote.Str("reference"));
        Assert.AreEqual("ok", quote.Str("status"));
        Assert.AreEqual("4.2", quote["location"]!.Str("paragraph"));
        Assert.AreEqual(0, quote["location"]!["start"]!.GetValue<int>());

        var id = quote["id"]!.GetValue<long>();
        var patched = await api.Http.PatchAsJsonAsync($"/api/quotes/{id}", new { note = "Lead quote", collection = "Chapter 1" });
        Assert.AreEqual(HttpStatusCode.OK, patched.StatusCode, await patched.Content.ReadAsStringAsync());
        var filed = (await api.GetJsonAsync("/api/quotes?collection=Chapter%201")).AsArray().Single()!;
        Assert.AreEqual("Lead quote", filed.Str("note"));
        Assert.AreEqual(1, filed["position"]!.GetValue<int>());

        Assert.AreEqual(HttpStatusCode.NoContent, (await api.Http.DeleteAsync($"/api/quotes/{id}")).StatusCode);
        Assert.IsEmpty((await api.GetJsonAsync("/api/quotes?collection=Chapter%201")).AsArray());
        Assert.AreEqual(HttpStatusCode.NotFound, (await api.Http.DeleteAsync($"/api/quotes/{id}")).StatusCode);
    }

    [TestMethod]
    public async Task A_quote_by_offsets_takes_the_span_and_text_that_is_not_in_the_passage_is_refused_with_422()
    {
        var (_, passages) = await api.UploadIndexedAsync("QCT", Numbered("offsets"), "trust2.txt", LocalTrust);
        var passageId = passages.PassageWithParagraph("4.1");

        var byOffsets = await api.QuoteAsync(new { passageId, start = 0, end = 13 });
        Assert.AreEqual(HttpStatusCode.Created, byOffsets.StatusCode);
        Assert.AreEqual("Neighbourhood", (await byOffsets.Content.ReadFromJsonAsync<JsonNode>())!.Str("text"));

        var paraphrase = await api.QuoteAsync(new { passageId, text = "Neighbourhoods need long term funding" });
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, paraphrase.StatusCode);
        var problem = await ApiClient.ProblemAsync(paraphrase);
        Assert.Contains("not an exact span", problem.Str("title"));

        var wrongOffsets = await api.QuoteAsync(new { passageId, text = "long-term funding", start = 0 });
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, wrongOffsets.StatusCode);
        var outOfRange = await api.QuoteAsync(new { passageId, start = 5, end = 5000 });
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, outOfRange.StatusCode);
    }

    [TestMethod]
    public async Task Written_evidence_without_numbered_paragraphs_is_cited_by_page()
    {
        var pdf = TestDocuments.Pdf(
            ["Our evidence to the group on neighbourhood funding and what it has done for places like ours."],
            ["The village hall reopened after the parish raised the money itself over three winters."]);
        var (reference, passages) = await api.UploadIndexedAsync("QCT", pdf, "hall.pdf",
            new() { ["submitterName"] = "Ann Other", ["organisation"] = "Kettleby Hall Committee" });

        var quote = await api.QuoteCreatedAsync(passages.PassageId(p => p.Str("text").Contains("village hall", StringComparison.Ordinal)), "The village hall reopened");

        Assert.AreEqual($"Kettleby Hall Committee ({reference}) p. 2", quote.Str("citation"));
    }

    [TestMethod]
    public async Task An_anonymous_submitter_is_cited_as_Anonymous_and_never_by_name()
    {
        var text = TestDocuments.Text("1. I have lived on the estate for thirty years.", "2. Nobody asks us what the money should be spent on.");
        var (reference, passages) = await api.UploadIndexedAsync("QCT", text, "resident.txt",
            new() { ["submitterName"] = "Jane Resident", ["category"] = "individual", ["anonymous"] = "true" });

        var quote = await api.QuoteCreatedAsync(passages.PassageWithParagraph("2"), "Nobody asks us what the money should be spent on.");

        Assert.AreEqual($"Anonymous ({reference}) para 2", quote.Str("citation"));
        Assert.DoesNotContain("Jane", quote.ToJsonString());
    }

    [TestMethod]
    public async Task A_transcript_turn_is_cited_by_question_and_speaker()
    {
        var transcript = TestDocuments.Text(
            "Levelling Up Committee\nOral evidence: Left behind neighbourhoods, HC 100\nWitnesses: Simon Kaye",
            "Q45 Chair: What would you change first?",
            "Simon Kaye: I would give neighbourhoods a budget of their own and the power to spend it.");
        var (_, passages) = await api.UploadIndexedAsync("QCT", transcript, "oral.txt",
            new() { ["kind"] = "oral", ["submitterName"] = "Committee clerk", ["receivedOn"] = "2023-10-17" });

        var quote = await api.QuoteCreatedAsync(passages.PassageId(p => p["speaker"]?.GetValue<string>() == "Simon Kaye"),
            "give neighbourhoods a budget of their own");

        Assert.AreEqual("Q45 [Simon Kaye]", quote.Str("citation"));
        Assert.AreEqual("Q45", quote["location"]!.Str("question"));
    }

    [TestMethod]
    public async Task An_inquiry_template_changes_quote_and_search_citations_and_unknown_placeholders_are_refused()
    {
        var bad = await api.Http.PutAsJsonAsync("/api/inquiries/TPL/citation-template", new { written = "{who} ({reference}) ¶{paragraph}" });
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("{reference}", (await ApiClient.ProblemAsync(bad)).Str("detail"));
        var unclosed = await api.Http.PutAsJsonAsync("/api/inquiries/TPL/citation-template", new { oral = "{question [{speaker}]" });
        Assert.AreEqual(HttpStatusCode.BadRequest, unclosed.StatusCode);

        var put = await api.Http.PutAsJsonAsync("/api/inquiries/TPL/citation-template", new { written = "{ref}, {who}, paragraph {paragraph}" });
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, await put.Content.ReadAsStringAsync());
        var template = await api.GetJsonAsync("/api/inquiries/TPL/citation-template");
        Assert.AreEqual("{who} ({ref}) p. {page}", template.Str("page"), "fields not sent keep their default");

        var (reference, passages) = await api.UploadIndexedAsync("TPL", Numbered("template"), "trust3.txt", LocalTrust);
        var quote = await api.QuoteCreatedAsync(passages.PassageWithParagraph("4.2"), "Community ownership");
        Assert.AreEqual($"{reference}, Local Trust, paragraph 4.2", quote.Str("citation"));

        var results = await api.WaitForTotalAsync($"q=%22community%20ownership%22&inquiry=TPL", 1);
        Assert.AreEqual($"{reference}, Local Trust, paragraph 4.2", results["hits"]![0]!["passages"]![0]!.Str("citation"));

        // Searches keep the styles they read for a few seconds; a change through this node shows in its next search.
        var changed = await api.Http.PutAsJsonAsync("/api/inquiries/TPL/citation-template", new { written = "{ref} para {paragraph}" });
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());
        var again = await api.GetJsonAsync("/api/search?q=%22community%20ownership%22&inquiry=TPL");
        Assert.AreEqual($"{reference} para 4.2", again["hits"]![0]!["passages"]![0]!.Str("citation"));
        var reset = await api.Http.DeleteAsync("/api/inquiries/TPL/citation-template");
        Assert.AreEqual(HttpStatusCode.OK, reset.StatusCode);
        var restored = await api.GetJsonAsync("/api/search?q=%22community%20ownership%22&inquiry=TPL");
        Assert.AreNotEqual($"{reference} para 4.2", restored["hits"]![0]!["passages"]![0]!.Str("citation"), "the default style is back at once");
        Assert.Contains(reference, restored["hits"]![0]!["passages"]![0]!.Str("citation"));
    }
}
