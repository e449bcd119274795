using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Submissions;

/// <summary><c>PATCH /api/submissions/{reference}</c>: a clerk corrects what is known about a submission, checked as an upload is.</summary>
[TestClass]
public sealed class MetadataEditTests
{
    private const string ClerkEmail = "clerk@metadata.test";
    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;
    private static ApiClient clerk = null!;
    private static ApiClient researcher = null!;
    private static ApiClient visitor = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        visitor = new ApiClient(factory.CreatePublicClient());
        await admin.CreateInquiryAsync("MET");
        clerk = new ApiClient(await factory.CreateUserClientAsync(ClerkEmail, "clerk", "MET"));
        researcher = new ApiClient(await factory.CreateUserClientAsync("researcher@metadata.test", "researcher", "MET"));
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_correction_to_a_published_submission_is_in_public_search_the_moment_the_answer_arrives()
    {
        var (reference, _) = await clerk.UploadIndexedAsync("MET", TestDocuments.UniqueText("platypusry"), "platypus.txt", new()
        {
            ["submitterName"] = "Petra Example", ["organisation"] = "Platypus Society", ["category"] = "community-group",
            ["receivedOn"] = "2024-01-05", ["title"] = "Evidence from the Platypus Society",
        });
        await clerk.PublishAsync(reference);
        await visitor.WaitForTotalAsync("q=platypusry", 1);

        var edited = await PatchAsync(clerk, reference, new
        {
            organisation = "Renamed Platypus Trust", category = "charity", receivedOn = "2023-12-30", title = "Evidence from the Renamed Platypus Trust",
        });
        Assert.AreEqual("Renamed Platypus Trust", edited.Str("organisation"));
        Assert.AreEqual("Petra Example", edited.Str("submitterName"), "a field left out stays as it is");

        // No waiting: the index was updated before the answer.
        var hit = (await visitor.SearchAsync("q=platypusry"))["hits"]![0]!;
        Assert.AreEqual("Renamed Platypus Trust", hit.Str("organisation"));
        Assert.AreEqual("charity", hit.Str("category"));
        Assert.AreEqual("2023-12-30", hit.Str("receivedOn"));
        Assert.AreEqual("Evidence from the Renamed Platypus Trust", hit.Str("title"));
        Assert.AreEqual(1, (await visitor.SearchAsync("q=platypusry&organisation=" + Uri.EscapeDataString("Renamed Platypus Trust")))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await visitor.SearchAsync("q=platypusry&organisation=" + Uri.EscapeDataString("Platypus Society")))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await visitor.SearchAsync("q=platypusry&year=2023"))["total"]!.GetValue<int>());

        Assert.IsTrue((await PatchAsync(clerk, reference, new { anonymous = true }))["anonymous"]!.GetValue<bool>());
        hit = (await visitor.SearchAsync("q=platypusry"))["hits"]![0]!;
        Assert.AreEqual("Anonymous", hit.Str("submitterName"), "the request for anonymity is honoured at once");
        Assert.StartsWith("Anonymous (", hit["passages"]![0]!.Str("citation"));

        // The audit names the fields that changed, newest first, and none of their values.
        var entries = (await admin.GetJsonAsync($"/api/audit?action=metadata-changed&reference={reference}"))["items"]!.AsArray();
        Assert.AreSequenceEqual(new[] { "anonymous", "title, organisation, category, receivedOn" }, entries.Select(e => e!.Str("detail")).ToArray());
        Assert.IsTrue(entries.All(e => e!.Str("user") == ClerkEmail));
        Assert.DoesNotContain("Renamed", entries.ToJsonString());
    }

    [TestMethod]
    public async Task A_correction_is_checked_by_the_upload_rules_and_a_refused_one_changes_nothing()
    {
        var reference = await clerk.UploadAcceptedAsync("MET", TestDocuments.UniqueText("checked-edits"), "checked.txt",
            new Dictionary<string, string> { ["submitterName"] = "Quentin Example", ["category"] = "individual" });

        foreach (var (body, says) in new (object, string)[]
        {
            (new { category = "pirates" }, "'pirates' is not a submitter category; use one of community-group,"),
            (new { kind = "letter" }, "'letter' is not a kind of submission; use one of written,"),
            (new { receivedOn = "30/12/2023" }, "'30/12/2023' is not a date; write receivedOn as YYYY-MM-DD."),
            (new { submitterName = " " }, "submitterName cannot be empty"),
            (new { title = new string('x', 401) }, "title is 401 characters long; it may be at most 400."),
        })
        {
            var refused = await clerk.Http.PatchAsJsonAsync($"/api/submissions/{reference}", body);
            Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode, says);
            Assert.Contains(says, (await ApiClient.ProblemAsync(refused))["detail"]!.GetValue<string>());
        }

        // The same words as the upload form says them.
        var upload = await clerk.UploadAsync("MET", TestDocuments.UniqueText("upload-rules"), "rules.txt",
            new Dictionary<string, string> { ["submitterName"] = "Rules Example", ["category"] = "pirates" });
        Assert.Contains("'pirates' is not a submitter category", (await ApiClient.ProblemAsync(upload))["detail"]!.GetValue<string>());

        var unchanged = await PatchAsync(clerk, reference, new { });
        Assert.AreEqual("Quentin Example", unchanged.Str("submitterName"));
        Assert.AreEqual("individual", unchanged.Str("category"));
        Assert.AreEqual(0, (await admin.GetJsonAsync($"/api/audit?action=metadata-changed&reference={reference}"))["total"]!.GetValue<int>());

        Assert.IsNull((await PatchAsync(clerk, reference, new { category = "" }))["category"], "an empty category clears it");
        Assert.AreEqual(HttpStatusCode.NotFound, (await clerk.Http.PatchAsJsonAsync("/api/submissions/MET9999", new { title = "x" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await researcher.Http.PatchAsJsonAsync($"/api/submissions/{reference}", new { title = "x" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await visitor.Http.PatchAsJsonAsync($"/api/submissions/{reference}", new { title = "x" })).StatusCode);
    }

    [TestMethod]
    public async Task A_correction_to_unpublished_evidence_reaches_the_staff_index_and_oral_evidence_is_read_again_as_a_transcript()
    {
        var transcript = TestDocuments.Text(
            "Fictional Committee\nOral evidence: Fictional ferries, HC 1\nWitnesses: Ada Example",
            "Q7 Chair: Why did the ferry timetable change?",
            "Ada Example: Because the fictional harbour closed on Sundays.");
        var (reference, passages) = await clerk.UploadIndexedAsync("MET", transcript, "ferries.txt", new() { ["submitterName"] = "Committee clerk" });
        Assert.IsTrue(passages.All(p => p!["question"] is null), "read as written evidence first");

        await PatchAsync(clerk, reference, new { kind = "oral", organisation = "Fictional Committee Office" });
        await admin.WaitForTotalAsync("q=harbour&organisation=" + Uri.EscapeDataString("Fictional Committee Office"), 1);
        Assert.AreEqual("indexed", (await clerk.WaitUntilDoneAsync(reference))["status"]!.GetValue<string>());
        var turns = (await clerk.GetJsonAsync($"/api/submissions/{reference}/passages")).AsArray();
        Assert.Contains(t => t!["question"]?.GetValue<string>() == "Q7" && t["speaker"]?.GetValue<string>() == "Ada Example", turns);
    }

    private static async Task<JsonNode> PatchAsync(ApiClient api, string reference, object body)
    {
        var response = await api.Http.PatchAsJsonAsync($"/api/submissions/{reference}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        return JsonNode.Parse(text)!;
    }
}
