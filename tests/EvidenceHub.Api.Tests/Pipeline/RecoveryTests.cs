using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Pipeline;

[TestClass]
public sealed class RecoveryTests
{
    [TestMethod]
    public async Task A_submission_left_queued_when_a_host_stops_is_indexed_by_the_next_host()
    {
        var data = EvidenceHubFactory.NewDataDirectory();
        string reference;
        using (var first = new EvidenceHubFactory(data, services: s => s.AddScoped<IPipelineQueue, LostQueue>()) { KeepData = true })
        {
            var api = new ApiClient(first.CreateAdminClient());
            await api.CreateInquiryAsync("REC");
            reference = await api.UploadAcceptedAsync("REC", TestDocuments.UniqueText("left-queued"), "queued.txt");
            Assert.AreEqual("queued", (await api.GetJsonAsync($"/api/submissions/{reference}"))["status"]!.GetValue<string>());
        }

        using var second = new EvidenceHubFactory(data);
        var again = new ApiClient(second.CreateAdminClient());
        var submission = await again.WaitUntilDoneAsync(reference);

        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>());
        Assert.AreEqual(1, (await again.SearchAsync("q=" + Uri.EscapeDataString("\"marker left-queued\"")))["total"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task Deleting_the_index_folder_and_restarting_gives_the_same_hits()
    {
        var data = EvidenceHubFactory.NewDataDirectory();
        string before;
        using (var first = new EvidenceHubFactory(data) { KeepData = true })
        {
            var api = new ApiClient(first.CreateAdminClient());
            await api.CreateInquiryAsync("IDX");
            foreach (var i in Enumerable.Range(0, 3))
            {
                await api.WaitUntilDoneAsync(await api.UploadAcceptedAsync("IDX",
                    TestDocuments.UniqueText($"rebuild-{i}", "Youth clubs and community halls are social infrastructure."), $"r{i}.txt"));
            }

            before = Hits(await api.SearchAsync("q=youth+clubs&sort=reference"));
        }

        Directory.Delete(Path.Combine(data, "index"), recursive: true);
        using var second = new EvidenceHubFactory(data);
        var again = new ApiClient(second.CreateAdminClient());
        var after = string.Empty;
        for (var attempt = 0; attempt < 200 && after != before; attempt++)
        {
            await Task.Delay(100);
            after = Hits(await again.SearchAsync("q=youth+clubs&sort=reference"));
        }

        Assert.AreEqual(before, after);
        Assert.Contains("IDX0003", before);
    }

    [TestMethod]
    public async Task The_reindex_endpoint_rebuilds_the_index_with_the_same_hits()
    {
        using var host = new EvidenceHubFactory();
        var api = new ApiClient(host.CreateAdminClient());
        await api.CreateInquiryAsync("RIX");
        await api.WaitUntilDoneAsync(await api.UploadAcceptedAsync("RIX", TestDocuments.UniqueText("reindex-endpoint"), "x.txt"));
        var before = Hits(await api.SearchAsync("q=neighbourhood"));
        var current = Path.Combine(host.DataDirectory, "index", "current");
        var generation = await File.ReadAllTextAsync(current);

        var response = await api.Http.PostAsync("/api/admin/reindex", null);
        Assert.AreEqual(System.Net.HttpStatusCode.Accepted, response.StatusCode);

        // Every node rebuilds beside its live index and swaps the new one in: compare once it has.
        await Themes.ThemeClient.WaitUntilAsync(() => File.ReadAllTextAsync(current), g => g != generation, "the rebuilt index has been swapped in");
        Assert.AreEqual(before, Hits(await api.SearchAsync("q=neighbourhood")));
    }

    private static string Hits(System.Text.Json.Nodes.JsonNode results) =>
        string.Join(",", results["hits"]!.AsArray().Select(h =>
            h!["reference"]!.GetValue<string>() + ":" + string.Join("|", h["passages"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()))));
}
