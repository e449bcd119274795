using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Quotes;

[TestClass]
public sealed class QuoteReanchoringTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    private static readonly Dictionary<string, string> Trust = new() { ["submitterName"] = "Jo Bloggs", ["organisation"] = "Local Trust" };

    private const string First = "Neighbourhoods need funding that lasts longer than one parliament.";
    private const string Second = "Residents should decide what the money is spent on, not consultants.";
    private const string Third = "Buildings in community hands stay open when the grant runs out.";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("VER");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_corrected_version_that_moves_a_paragraph_marks_its_quote_moved_with_the_new_citation()
    {
        var original = TestDocuments.Text($"1. {First}", $"2. {Second}", $"3. {Third}");
        var (reference, passages) = await api.UploadIndexedAsync("VER", original, "moves.txt", Trust);
        var stays = await api.QuoteCreatedAsync(passages.PassageWithParagraph("1"), "funding that lasts");
        var moves = await api.QuoteCreatedAsync(passages.PassageWithParagraph("3"), "stay open when the grant runs out");
        Assert.AreEqual($"Local Trust ({reference}) para 3", moves.Str("citation"));

        await CorrectAsync(reference, TestDocuments.Text($"1. {First}", $"2. {Third}", $"3. {Second}"), "moves-v2.txt");

        var quotes = await QuotesOnAsync(reference);
        Assert.AreEqual("ok", quotes[stays["id"]!.GetValue<long>()].Str("status"));
        var moved = quotes[moves["id"]!.GetValue<long>()];
        Assert.AreEqual("moved", moved.Str("status"));
        Assert.AreEqual($"Local Trust ({reference}) para 2", moved.Str("citation"));

        var versions = (await api.GetJsonAsync($"/api/submissions/{reference}/versions")).AsArray();
        Assert.AreSequenceEqual(new[] { 1, 2 }, versions.Select(v => v!["number"]!.GetValue<int>()).ToArray());
        Assert.IsTrue(versions[1]!["current"]!.GetValue<bool>());
        Assert.AreSequenceEqual(original, await api.Http.GetByteArrayAsync($"/api/submissions/{reference}/file?version=1"));
        Assert.Contains($"2. {Third}", await api.Http.GetStringAsync($"/api/submissions/{reference}/file"));

        var verified = await api.Http.PostAsync("/api/quotes/verify", null);
        Assert.AreEqual(HttpStatusCode.OK, verified.StatusCode);
        Assert.AreEqual("moved", (await QuotesOnAsync(reference))[moves["id"]!.GetValue<long>()].Str("status"), "verifying again changes nothing");
    }

    [TestMethod]
    public async Task A_corrected_version_that_deletes_a_paragraph_marks_its_quote_drifted_and_verify_keeps_it_so()
    {
        var (reference, passages) = await api.UploadIndexedAsync("VER", TestDocuments.Text($"1. {First}", $"2. {Second}", $"3. {Third}", "4. Drift marker."), "drifts.txt", Trust);
        var kept = await api.QuoteCreatedAsync(passages.PassageWithParagraph("3"), Third);
        var deleted = await api.QuoteCreatedAsync(passages.PassageWithParagraph("2"), "not consultants");

        await CorrectAsync(reference, TestDocuments.Text($"1. {First}", $"3. {Third}", "4. Drift marker."), "drifts-v2.txt");

        var quotes = await QuotesOnAsync(reference);
        Assert.AreEqual("drifted", quotes[deleted["id"]!.GetValue<long>()].Str("status"));
        Assert.AreEqual("ok", quotes[kept["id"]!.GetValue<long>()].Str("status"));

        var verified = await api.Http.PostAsync("/api/quotes/verify", null);
        var summary = (await verified.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.IsGreaterThanOrEqualTo(1, summary["drifted"]!.GetValue<int>());
        Assert.AreEqual("drifted", (await QuotesOnAsync(reference))[deleted["id"]!.GetValue<long>()].Str("status"));
    }

    [TestMethod]
    public async Task The_same_file_again_is_not_a_correction()
    {
        var content = TestDocuments.UniqueText("same-again");
        var reference = await api.UploadAcceptedAsync("VER", content, "same.txt", Trust);
        await api.WaitUntilDoneAsync(reference);

        var response = await api.PostVersionAsync(reference, content, "same.txt");

        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static async Task CorrectAsync(string reference, byte[] content, string fileName)
    {
        var response = await api.PostVersionAsync(reference, content, fileName);
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission.Str("status"));
    }

    private static async Task<Dictionary<long, JsonNode>> QuotesOnAsync(string reference) =>
        (await api.GetJsonAsync("/api/quotes")).AsArray()
            .Where(q => q!.Str("reference") == reference)
            .ToDictionary(q => q!["id"]!.GetValue<long>(), q => q!);
}
