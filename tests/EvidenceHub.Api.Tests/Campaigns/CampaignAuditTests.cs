using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Campaigns;

/// <summary>A clerk's campaign decisions go in the audit log like the clerk's other actions, naming who, what and which submissions.</summary>
[TestClass]
public sealed class CampaignAuditTests
{
    [TestMethod]
    public async Task Renaming_moving_in_and_out_splitting_and_re_running_are_audited()
    {
        using var factory = new EvidenceHubFactory();
        var clerk = await CampaignApiTests.ClerkOfNewInquiryAsync(factory);
        var admin = new ApiClient(factory.CreateAdminClient());
        var (copies, others) = await CampaignApiTests.UploadLettersAsync(clerk, 8, 2);
        var id = (await clerk.GetJsonAsync("/api/inquiries/CMP/campaigns"))["items"]![0]!["id"]!.GetValue<long>();

        Assert.AreEqual(HttpStatusCode.OK, (await clerk.Http.PutAsJsonAsync($"/api/campaigns/{id}", new { label = "Fernside letter" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, (await clerk.Http.DeleteAsync($"/api/campaigns/{id}/members/{copies[0]}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, (await clerk.Http.PostAsync($"/api/campaigns/{id}/members/{others[0]}", null)).StatusCode);
        var split = await clerk.Http.PostAsJsonAsync($"/api/campaigns/{id}/split", new { members = new[] { copies[2], copies[1] }, label = "Early copies" });
        Assert.AreEqual(HttpStatusCode.Created, split.StatusCode);
        var splitId = (await split.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<long>();
        Assert.AreEqual(HttpStatusCode.Accepted, (await clerk.Http.PostAsync("/api/inquiries/CMP/campaigns/detect", null)).StatusCode);

        var renamed = await OneEntryAsync(admin, "campaign-renamed");
        Assert.AreEqual("campaign.clerk@example.org", renamed["user"]!.GetValue<string>());
        Assert.AreEqual("CMP", renamed["inquiry"]!.GetValue<string>());
        Assert.Contains("→ Fernside letter", renamed["detail"]!.GetValue<string>());

        var removed = await OneEntryAsync(admin, "campaign-member-removed");
        Assert.AreEqual(copies[0], removed["reference"]!.GetValue<string>());
        Assert.Contains($"out of campaign {id}", removed["detail"]!.GetValue<string>());

        var added = await OneEntryAsync(admin, "campaign-member-added");
        Assert.AreEqual(others[0], added["reference"]!.GetValue<string>());
        Assert.Contains($"into campaign {id}", added["detail"]!.GetValue<string>());

        var splitEntry = (await OneEntryAsync(admin, "campaign-split"))["detail"]!.GetValue<string>();
        Assert.Contains($"2 members of campaign {id} split off into campaign {splitId}", splitEntry);
        Assert.Contains(string.Join(", ", new[] { copies[1], copies[2] }.Order(StringComparer.Ordinal)), splitEntry);

        var detected = await OneEntryAsync(admin, "campaigns-detected");
        Assert.AreEqual("CMP", detected["inquiry"]!.GetValue<string>());

        // A decision refused is not a decision: nothing is logged for it.
        Assert.AreEqual(HttpStatusCode.NotFound, (await clerk.Http.DeleteAsync($"/api/campaigns/{id}/members/{copies[0]}")).StatusCode);
        await OneEntryAsync(admin, "campaign-member-removed");
    }

    private static async Task<JsonNode> OneEntryAsync(ApiClient admin, string action) =>
        Assert.ContainsSingle((await admin.GetJsonAsync($"/api/audit?action={action}&inquiry=CMP"))["items"]!.AsArray())!;
}
