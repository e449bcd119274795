using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>The HTTP calls a clerk's or researcher's tool makes, as a test uses them.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task CreateInquiryAsync(string prefix, string title = "A test inquiry")
    {
        var response = await Http.PostAsJsonAsync("/api/inquiries", new { title, referencePrefix = prefix });
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> UploadAsync(string prefix, byte[] content, string fileName, IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (key, value) in fields ?? new Dictionary<string, string> { ["submitterName"] = "Test Submitter" })
        {
            form.Add(new StringContent(value), key);
        }

        return Http.PostAsync($"/api/inquiries/{prefix}/submissions", form);
    }

    /// <summary>Posts a corrected version of a submission's file.</summary>
    public Task<HttpResponseMessage> PostVersionAsync(string reference, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        return Http.PostAsync($"/api/submissions/{reference}/versions", form);
    }

    /// <summary>Posts a batch: a ZIP of documents with a manifest.csv.</summary>
    public Task<HttpResponseMessage> PostBatchAsync(string prefix, byte[] zip)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "batch.zip");
        return Http.PostAsync($"/api/inquiries/{prefix}/submissions/batch", form);
    }

    /// <summary>Uploads and returns the issued reference, failing the test on anything but 202.</summary>
    public async Task<string> UploadAcceptedAsync(string prefix, byte[] content, string fileName, IDictionary<string, string>? fields = null)
    {
        var response = await UploadAsync(prefix, content, fileName, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, body);
        return JsonNode.Parse(body)!["reference"]!.GetValue<string>();
    }

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{url}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Polls the submission until it reaches a terminal status (indexed or failed).</summary>
    public async Task<JsonNode> WaitUntilDoneAsync(string reference, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var submission = await GetJsonAsync($"/api/submissions/{reference}");
            var status = submission["status"]!.GetValue<string>();
            if (status is "indexed" or "failed")
            {
                return submission;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{reference} is still {status} after {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public async Task PublishAsync(string reference, string publication = "published")
    {
        var response = await Http.PostAsJsonAsync($"/api/submissions/{reference}/publication", new { publication });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls a search until its total is <paramref name="expected"/> (index jobs run in the background).</summary>
    public async Task<JsonNode> WaitForTotalAsync(string queryString, int expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var results = await SearchAsync(queryString);
            if (results["total"]!.GetValue<int>() == expected)
            {
                return results;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"search '{queryString}' still has total {results["total"]} rather than {expected}.");
            }

            await Task.Delay(50);
        }
    }

    public async Task<JsonNode> SearchAsync(string queryString) => await GetJsonAsync("/api/search?" + queryString);

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, "a problem response must never carry a stack trace");
        return JsonNode.Parse(body)!;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
