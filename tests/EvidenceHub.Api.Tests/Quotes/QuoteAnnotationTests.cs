using System.Net;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Quotes;

/// <summary>
/// A quote as a W3C Web Annotation, and re-anchoring by the same selectors: a quote whose words move to a
/// place its context singles out follows them; one whose words turn up in several places equally goes to
/// review and keeps its citation.
/// </summary>
[TestClass]
public sealed class QuoteAnnotationTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("ANN");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_quote_is_a_web_annotation_with_quote_and_position_selectors_refined_by_its_paragraph()
    {
        var (reference, passages) = await api.UploadIndexedAsync("ANN", TestDocuments.Text("1. Halls close \U0001F327 in winter.", "2. Money should follow need, not bids."),
            "annotated.txt", new() { ["submitterName"] = "Jo Bloggs", ["organisation"] = "Local Trust" });
        var quote = await api.QuoteCreatedAsync(passages.PassageWithParagraph("2"), "follow need", note: "Key line");

        var response = await api.Http.GetAsync($"/api/quotes/{quote["id"]}/annotation");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var annotation = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual("http://www.w3.org/ns/anno.jsonld", annotation.Str("@context"));
        Assert.AreEqual("Annotation", annotation.Str("type"));
        Assert.AreEqual("Key line", annotation["body"]![0]!.Str("value"));
        Assert.EndsWith($"/api/submissions/{reference}", annotation["target"]!.Str("source"));

        var selectors = annotation["target"]!["selector"]!.AsArray();
        var textQuote = selectors.Single(s => s!.Str("type") == "TextQuoteSelector")!;
        Assert.AreEqual("follow need", textQuote.Str("exact"));
        Assert.AreEqual("Money should ", textQuote.Str("prefix"));
        Assert.AreEqual(", not bids.", textQuote.Str("suffix"));

        // Positions count code points of the passages two line breaks apart: the emoji counts once.
        var text = string.Join("\n\n", passages.Select(p => p!.Str("text")));
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        var position = selectors.Single(s => s!.Str("type") == "TextPositionSelector")!;
        var (start, end) = (position["start"]!.GetValue<int>(), position["end"]!.GetValue<int>());
        Assert.AreEqual("follow need", string.Concat(runes.Skip(start).Take(end - start)));

        var fragment = selectors.Single(s => s!.Str("type") == "FragmentSelector")!;
        Assert.AreEqual("paragraph=2", fragment.Str("value"));
        Assert.AreEqual("follow need", fragment["refinedBy"]!.Str("exact"));

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await factory.CreatePublicClient().GetAsync($"/api/quotes/{quote["id"]}/annotation")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await api.Http.GetAsync("/api/quotes/999999/annotation")).StatusCode);
    }

    [TestMethod]
    public async Task Words_found_in_several_new_places_go_to_review_and_keep_their_citation()
    {
        var (reference, passages) = await api.UploadIndexedAsync("ANN", TestDocuments.Text("1. Alpha words first.", "2. We need a caretaker for the hall.", "3. Omega words last."),
            "review.txt", new() { ["submitterName"] = "Jo Bloggs", ["organisation"] = "Harbour Trust" });
        var quote = await api.QuoteCreatedAsync(passages.PassageWithParagraph("2"), "a caretaker");

        // The corrected version drops the paragraph; the words turn up in two new ones, neither with the old context.
        await CorrectAsync(reference, TestDocuments.Text("1. Alpha words first.", "2. Omega words last.", "3. Every village wants a caretaker now.", "4. Each town pays a caretaker too."));

        var quotes = (await api.GetJsonAsync("/api/quotes")).AsArray().Where(q => q!.Str("reference") == reference).ToList();
        var reviewed = quotes.Single(q => q!["id"]!.GetValue<long>() == quote["id"]!.GetValue<long>())!;
        Assert.AreEqual("needs-review", reviewed.Str("status"));
        Assert.AreEqual($"Harbour Trust ({reference}) para 2", reviewed.Str("citation"), "the citation does not silently move");

        var verify = JsonNode.Parse(await (await api.Http.PostAsync("/api/quotes/verify", null)).Content.ReadAsStringAsync())!;
        Assert.IsGreaterThanOrEqualTo(1, verify["needsReview"]!.GetValue<int>());
    }

    private static async Task CorrectAsync(string reference, byte[] content)
    {
        var response = await api.PostVersionAsync(reference, content, "corrected.txt");
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("indexed", (await api.WaitUntilDoneAsync(reference)).Str("status"));
    }
}
