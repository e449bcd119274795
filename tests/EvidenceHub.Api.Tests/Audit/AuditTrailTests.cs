using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Audit;

/// <summary>What an inquiry office must account for is in <c>GET /api/audit</c>: who did it, what, to which submission, when.</summary>
[TestClass]
public sealed class AuditTrailTests
{
    private const string ClerkEmail = "clerk@audit.test";
    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;
    private static ApiClient clerk = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("AUD");
        clerk = new ApiClient(await factory.CreateUserClientAsync(ClerkEmail, "clerk", "AUD"));
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Every_change_and_every_staff_download_of_an_unpublished_file_is_recorded_with_its_user_action_and_reference()
    {
        var single = await clerk.UploadAcceptedAsync("AUD", TestDocuments.UniqueText("audit-single"), "single.txt");
        var batch = await clerk.PostBatchAsync("AUD", TestDocuments.Zip(new Dictionary<string, byte[]>
        {
            ["manifest.csv"] = Encoding.UTF8.GetBytes("file,submitterName\nfirst.txt,Ann Example\nsecond.txt,Ben Example\n"),
            ["first.txt"] = TestDocuments.UniqueText("audit-batch-first"),
            ["second.txt"] = TestDocuments.UniqueText("audit-batch-second"),
        }));
        Assert.AreEqual(HttpStatusCode.Accepted, batch.StatusCode);
        var rows = JsonNode.Parse(await batch.Content.ReadAsStringAsync())!["rows"]!.AsArray();
        var (first, second) = (rows[0]!.Str("reference"), rows[1]!.Str("reference"));
        await clerk.WaitUntilDoneAsync(single);
        Assert.AreEqual(HttpStatusCode.Accepted, (await clerk.PostVersionAsync(single, TestDocuments.UniqueText("audit-single-v2"), "single-v2.txt")).StatusCode);
        await clerk.WaitUntilDoneAsync(single);
        await clerk.PublishAsync(single);
        await clerk.PublishAsync(single, "withheld");
        await clerk.PublishAsync(single, "confidential");
        var pdf = await clerk.UploadAcceptedAsync("AUD", TestDocuments.EncryptedPdf(TestDocuments.Pdf(["1. Locked words."]), "audit-secret"), "locked.pdf");
        Assert.AreEqual("needs-password", (await clerk.WaitUntilDoneAsync(pdf))["failureKind"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.Accepted, (await clerk.Http.PostAsJsonAsync($"/api/submissions/{pdf}/password", new { password = "audit-secret" })).StatusCode);

        await clerk.Http.GetByteArrayAsync($"/api/submissions/{first}/file");
        await admin.Http.GetByteArrayAsync($"/api/submissions/{single}/file?version=1");
        await clerk.PublishAsync(second);
        await clerk.Http.GetByteArrayAsync($"/api/submissions/{second}/file");
        await factory.CreatePublicClient().GetByteArrayAsync($"/api/submissions/{second}/file");
        Assert.AreEqual(HttpStatusCode.OK, (await clerk.Http.PatchAsJsonAsync($"/api/submissions/{first}", new { title = "A corrected title" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, (await clerk.Http.DeleteAsync($"/api/submissions/{first}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Accepted, (await admin.Http.PostAsync("/api/admin/reindex", null)).StatusCode);

        var created = await OneAsync("inquiry-created");
        Assert.AreEqual(EvidenceHubFactory.AdminEmail, created.Str("user"));
        Assert.AreEqual("AUD", created.Str("inquiry"));
        await AssertOneAsync("uploaded", single, ClerkEmail);
        Assert.Contains("batch row 2", (await AssertOneAsync("uploaded", first, ClerkEmail)).Str("detail"));
        Assert.Contains("batch row 3", (await AssertOneAsync("uploaded", second, ClerkEmail)).Str("detail"));
        await AssertOneAsync("version-uploaded", single, ClerkEmail);
        Assert.AreEqual("received → published", (await AssertOneAsync("published", single, ClerkEmail)).Str("detail"));
        Assert.AreEqual("published → withheld", (await AssertOneAsync("withheld", single, ClerkEmail)).Str("detail"));
        Assert.AreEqual("withheld → confidential", (await AssertOneAsync("publication-changed", single, ClerkEmail)).Str("detail"));
        Assert.DoesNotContain("audit-secret", (await AssertOneAsync("password-supplied", pdf, ClerkEmail)).ToJsonString());
        await AssertOneAsync("downloaded-unpublished", first, ClerkEmail);
        Assert.AreEqual("version 1, confidential", (await AssertOneAsync("downloaded-unpublished", single, EvidenceHubFactory.AdminEmail)).Str("detail"));
        Assert.AreEqual(0, (await admin.GetJsonAsync($"/api/audit?action=downloaded-unpublished&reference={second}"))["total"]!.GetValue<int>(),
            "a published file is not an unpublished download, for staff or the public");
        Assert.AreEqual("title", (await AssertOneAsync("metadata-changed", first, ClerkEmail)).Str("detail"));
        await AssertOneAsync("deleted", first, ClerkEmail);
        Assert.AreEqual(EvidenceHubFactory.AdminEmail, (await OneAsync("reindexed")).Str("user"));
    }

    [TestMethod]
    public async Task The_audit_log_filters_by_action_reference_and_user_and_its_csv_has_a_header_row()
    {
        var reference = await clerk.UploadAcceptedAsync("AUD", TestDocuments.UniqueText("audit-filters"), "filters.txt");
        await clerk.WaitUntilDoneAsync(reference);
        await clerk.PublishAsync(reference);

        var byReference = (await admin.GetJsonAsync($"/api/audit?reference={reference}"))["items"]!.AsArray();
        Assert.AreSequenceEqual(new[] { "published", "uploaded" }, byReference.Select(e => e!.Str("action")).ToArray(), "newest first");
        Assert.ContainsSingle((await admin.GetJsonAsync($"/api/audit?action=uploaded&reference={reference}"))["items"]!.AsArray());
        var clerks = (await admin.GetJsonAsync($"/api/audit?user={Uri.EscapeDataString(ClerkEmail)}&pageSize=100"))["items"]!.AsArray();
        Assert.IsNotEmpty(clerks);
        Assert.IsTrue(clerks.All(e => e!.Str("user") == ClerkEmail));
        Assert.Contains(e => e!.Str("reference") == reference, clerks);
        Assert.IsEmpty((await admin.GetJsonAsync($"/api/audit?user={Uri.EscapeDataString(ClerkEmail)}&action=reindexed"))["items"]!.AsArray());

        var csv = await admin.Http.GetAsync($"/api/audit?format=csv&reference={reference}");
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("at,user,action,inquiry,reference,detail", lines[0]);
        Assert.HasCount(3, lines);
        Assert.IsTrue(lines.Skip(1).All(l => l.Contains($",{ClerkEmail},", StringComparison.Ordinal) && l.Contains($",AUD,{reference},", StringComparison.Ordinal)), string.Join("\n", lines));

        Assert.AreEqual(HttpStatusCode.BadRequest, (await admin.Http.GetAsync("/api/audit?action=sneezed")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync("/api/audit")).StatusCode, "the audit is for administrators");
    }

    private static async Task<JsonNode> OneAsync(string action, string? reference = null)
    {
        var url = $"/api/audit?action={action}" + (reference is null ? string.Empty : $"&reference={reference}");
        var items = (await admin.GetJsonAsync(url))["items"]!.AsArray();
        Assert.ContainsSingle(items, url);
        return items[0]!;
    }

    private static async Task<JsonNode> AssertOneAsync(string action, string reference, string user)
    {
        var entry = await OneAsync(action, reference);
        Assert.AreEqual(user, entry.Str("user"), $"{action} {reference}");
        Assert.AreEqual("AUD", entry.Str("inquiry"));
        return entry;
    }
}
