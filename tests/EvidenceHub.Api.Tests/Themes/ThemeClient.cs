using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>The theme calls a researcher's tool makes, and waiting for the background jobs to catch up.</summary>
internal static class ThemeClient
{
    public static async Task<long> CreateThemeAsync(this ApiClient api, string prefix, string name, string rule, string? colour = null)
    {
        var response = await api.Http.PostAsJsonAsync($"/api/inquiries/{prefix}/themes", new { name, rule, colour, description = "A test theme" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<long>();
    }

    public static async Task<JsonNode> ChangeRuleAsync(this ApiClient api, long themeId, string rule)
    {
        var response = await api.Http.PutAsJsonAsync($"/api/themes/{themeId}", new { rule });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> TagAsync(this ApiClient api, string url, long themeId)
    {
        var response = await api.Http.PostAsJsonAsync(url, new { themeId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{url}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<string> UploadAsync(this ApiClient api, string prefix, string name, string category, params string[] paragraphs)
    {
        var reference = await api.UploadAcceptedAsync(prefix, TestDocuments.Text(paragraphs.Append($"Submitted by {name}.").ToArray()), name + ".txt",
            new Dictionary<string, string> { ["submitterName"] = name, ["organisation"] = name, ["category"] = category, ["receivedOn"] = "2024-03-01" });
        await api.WaitUntilDoneAsync(reference);
        return reference;
    }

    /// <summary>Polls a search until it returns exactly these submissions (the jobs run in the background).</summary>
    public static async Task<JsonNode> WaitForReferencesAsync(this ApiClient api, string queryString, params string[] expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var want = expected.Order(StringComparer.Ordinal).ToList();
        while (true)
        {
            var results = await api.SearchAsync(queryString + "&pageSize=100&facetLimit=1000");
            var actual = References(results);
            if (actual.SequenceEqual(want))
            {
                return results;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"search '{queryString}' returns [{string.Join(',', actual)}], not [{string.Join(',', want)}].");
            }

            await Task.Delay(50);
        }
    }

    public static List<string> References(JsonNode results) =>
        results["hits"]!.AsArray().Select(h => h!["reference"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Polls until the condition holds on a fresh read.</summary>
    public static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: still not so after 15 s ({value}).");
            }

            await Task.Delay(50);
        }
    }

    public static Dictionary<string, int> Facet(JsonNode results, string facet) =>
        results["facets"]![facet]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
}
