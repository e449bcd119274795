using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Api.Tests.Themes;

namespace EvidenceHub.Api.Tests.Campaigns;

/// <summary>A clerk's decisions about a campaign, and a whole-inquiry re-run that keeps them.</summary>
[TestClass]
public sealed class CampaignDecisionTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient clerk = null!;
    private static List<string> copies = null!;

    [ClassInitialize]
    public static async Task UploadAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        clerk = await CampaignApiTests.ClerkOfNewInquiryAsync(factory);
        (copies, _) = await CampaignApiTests.UploadLettersAsync(clerk, 10, 2);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_clerk_renames_moves_out_and_splits_and_a_whole_inquiry_rerun_keeps_it()
    {
        var id = (await clerk.GetJsonAsync("/api/inquiries/CMP/campaigns"))["items"]![0]!["id"]!.GetValue<long>();

        var renamed = await clerk.Http.PutAsJsonAsync($"/api/campaigns/{id}", new { label = "Fernside Streets Network letter" });
        Assert.AreEqual(HttpStatusCode.OK, renamed.StatusCode, await renamed.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.NoContent, (await clerk.Http.DeleteAsync($"/api/campaigns/{id}/members/{copies[9]}")).StatusCode);
        var split = await clerk.Http.PostAsJsonAsync($"/api/campaigns/{id}/split", new { members = copies.Take(4).ToArray(), label = "Early copies" });
        Assert.AreEqual(HttpStatusCode.Created, split.StatusCode, await split.Content.ReadAsStringAsync());
        var splitId = JsonNode.Parse(await split.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        var detect = await clerk.Http.PostAsync("/api/inquiries/CMP/campaigns/detect", null);
        Assert.AreEqual(HttpStatusCode.Accepted, detect.StatusCode);
        var researcher = new ApiClient(await factory.CreateUserClientAsync("campaign.researcher@example.org", "researcher", "CMP"));
        Assert.AreEqual(HttpStatusCode.Forbidden, (await researcher.Http.PostAsync("/api/inquiries/CMP/campaigns/detect", null)).StatusCode);

        // The re-run runs in the background; what it must leave is the clerk's campaigns as they were.
        var campaigns = await ThemeClient.WaitUntilAsync(
            async () => (await clerk.GetJsonAsync("/api/inquiries/CMP/campaigns"))["items"]!.AsArray(),
            items => items.Count == 2 && items.Sum(c => c!["size"]!.GetValue<int>()) == 9,
            "two campaigns of 9 copies between them");
        var main = campaigns.Single(c => c!["id"]!.GetValue<long>() == id)!;
        Assert.AreEqual("Fernside Streets Network letter", main["label"]!.GetValue<string>());
        Assert.AreEqual(5, main["size"]!.GetValue<int>());
        var early = campaigns.Single(c => c!["id"]!.GetValue<long>() == splitId)!;
        Assert.AreEqual("Early copies", early["label"]!.GetValue<string>());
        Assert.AreEqual(4, early["size"]!.GetValue<int>());
        Assert.IsNull((await clerk.GetJsonAsync($"/api/submissions/{copies[9]}"))["campaign"], "taken out, and kept out");
        await clerk.WaitForTotalAsync("inquiry=CMP&response=individual", 3);
    }
}
