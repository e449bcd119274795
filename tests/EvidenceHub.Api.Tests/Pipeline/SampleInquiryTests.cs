using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Pipeline;

[TestClass]
public sealed class SampleInquiryTests
{
    [TestMethod]
    public async Task An_empty_repository_starts_with_the_sample_inquiry_indexed_and_searchable()
    {
        using var host = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:LoadSamples"] = "true" });
        var api = new ApiClient(host.CreateClient());

        var deadline = DateTime.UtcNow.AddSeconds(120);
        System.Text.Json.Nodes.JsonNode? indexed = null;
        while (DateTime.UtcNow < deadline)
        {
            var inquiries = await api.GetJsonAsync("/api/inquiries");
            if (inquiries.AsArray().Count == 1)
            {
                indexed = await api.GetJsonAsync("/api/inquiries/LBN/submissions?status=indexed&pageSize=100");
                if (indexed["total"]!.GetValue<int>() >= 46)
                {
                    break;
                }
            }

            await Task.Delay(250);
        }

        Assert.IsNotNull(indexed, "the sample inquiry LBN was not created");
        Assert.AreEqual(46, indexed["total"]!.GetValue<int>(), "every sample submission is indexed, none failed");
        var failed = await api.GetJsonAsync("/api/inquiries/LBN/submissions?status=failed");
        Assert.AreEqual(0, failed["total"]!.GetValue<int>());

        var oral = await api.SearchAsync("q=" + Uri.EscapeDataString("\"community ownership\"") + "&kind=oral");
        var citation = oral["hits"]![0]!["passages"]![0]!["citation"]!.GetValue<string>();
        Assert.MatchesRegex(@"^Q\d+ \[[^\]]+\]$", citation, "a transcript passage cites its question and speaker");

        var written = await api.SearchAsync("q=" + Uri.EscapeDataString("\"community ownership\"") + "&kind=written");
        Assert.IsGreaterThan(3, written["total"]!.GetValue<int>());

        // The sample codebook is applied as each submission is indexed: the theme finds what its rule finds.
        var themes = await api.GetJsonAsync("/api/inquiries/LBN/themes");
        Assert.HasCount(8, themes.AsArray());
        var ownership = themes.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Community ownership")!;
        var byRule = (await api.SearchAsync("inquiry=LBN&q=" + Uri.EscapeDataString(ownership["rule"]!.GetValue<string>())))["total"]!.GetValue<int>();
        Assert.IsGreaterThan(3, byRule);
        await api.WaitForTotalAsync("inquiry=LBN&theme=" + Uri.EscapeDataString("Community ownership"), byRule, TimeSpan.FromSeconds(60));
    }
}
