using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Campaigns;

/// <summary>
/// Campaigns found among a batch, whose letters the pipeline reads in groups: copies in one group find each
/// other in memory, and copies uploaded later find the batch's in the database.
/// </summary>
[TestClass]
public sealed class CampaignBatchTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient clerk = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        var admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("CMB", "Campaign letters in a batch");
        clerk = new ApiClient(await factory.CreateUserClientAsync("batch.clerk@example.org", "clerk", "CMB"));
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Copies_in_one_batch_form_one_campaign_and_copies_sent_later_join_it()
    {
        var files = new Dictionary<string, byte[]>();
        var manifest = new StringBuilder("file,submitterName,organisation,category,kind,receivedOn,title\n");
        for (var i = 0; i < 25; i++)
        {
            // Ten copies and fifteen letters of their own, interleaved: one group of the pipeline, so the copies can only find each other in it.
            var copy = i % 5 < 2;
            var name = $"letter{i:D2}.txt";
            files[name] = TestDocuments.Text(copy ? CampaignApiTests.CopyText(i) : CampaignApiTests.OtherText(i));
            manifest.Append($"{name},Resident {i},,individual,written,2024-05-01,\n");
        }

        files["manifest.csv"] = Encoding.UTF8.GetBytes(manifest.ToString());
        var response = await clerk.PostBatchAsync("CMB", TestDocuments.Zip(files));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, body.ToJsonString());
        var rows = body["rows"]!.AsArray().ToDictionary(r => r!["file"]!.GetValue<string>(), r => r!["reference"]!.GetValue<string>());
        foreach (var reference in rows.Values)
        {
            await clerk.WaitUntilDoneAsync(reference);
        }

        var expected = Enumerable.Range(0, 25).Where(i => i % 5 < 2).Select(i => rows[$"letter{i:D2}.txt"]).ToList();
        Assert.AreSequenceEqual(expected.Order(StringComparer.Ordinal).ToList(), await MembersAsync());

        var later = new List<string>();
        for (var i = 25; i < 27; i++)
        {
            later.Add(await clerk.UploadAcceptedAsync("CMB", TestDocuments.Text(CampaignApiTests.CopyText(i)), $"later{i}.txt",
                new Dictionary<string, string> { ["submitterName"] = $"Resident {i}", ["category"] = "individual" }));
        }

        foreach (var reference in later)
        {
            await clerk.WaitUntilDoneAsync(reference);
        }

        Assert.AreSequenceEqual(expected.Concat(later).Order(StringComparer.Ordinal).ToList(), await MembersAsync());
    }

    private static async Task<List<string>> MembersAsync()
    {
        var campaigns = (await clerk.GetJsonAsync("/api/inquiries/CMB/campaigns"))["items"]!.AsArray();
        Assert.HasCount(1, campaigns, campaigns.ToJsonString());
        return campaigns[0]!["members"]!.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }
}
