using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>The calls a report author makes to the quote bank, as the quote tests use them.</summary>
public static class QuoteSteps
{
    /// <summary>Uploads, waits until indexed, and returns the passages.</summary>
    public static async Task<(string Reference, JsonArray Passages)> UploadIndexedAsync(
        this ApiClient api, string prefix, byte[] content, string fileName, Dictionary<string, string> fields)
    {
        var reference = await api.UploadAcceptedAsync(prefix, content, fileName, fields);
        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>(), submission.ToJsonString());
        return (reference, (await api.GetJsonAsync($"/api/submissions/{reference}/passages")).AsArray());
    }

    public static long PassageId(this JsonArray passages, Func<JsonNode, bool> which) =>
        passages.Single(p => which(p!))!["id"]!.GetValue<long>();

    public static long PassageWithParagraph(this JsonArray passages, string paragraph) =>
        passages.PassageId(p => p["paragraph"]?.GetValue<string>() == paragraph);

    public static Task<HttpResponseMessage> QuoteAsync(this ApiClient api, object request) =>
        api.Http.PostAsJsonAsync("/api/quotes", request);

    /// <summary>Quotes exact text from a passage, failing the test on anything but 201.</summary>
    public static async Task<JsonNode> QuoteCreatedAsync(this ApiClient api, long passageId, string text, string? collection = null, string? note = null)
    {
        var response = await api.QuoteAsync(new { passageId, text, collection, note });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        return JsonNode.Parse(body)!;
    }

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
