using System.Net;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Visibility;

/// <summary>Taking a submission out of publication is immediate: the public never finds it after the answer, not even for a moment.</summary>
[TestClass]
public sealed class WithdrawalTests
{
    [TestMethod]
    public async Task A_withdrawn_submission_is_gone_from_public_search_the_moment_the_answer_arrives()
    {
        using var factory = new EvidenceHubFactory();
        var clerk = new ApiClient(factory.CreateAdminClient());
        var visitor = new ApiClient(factory.CreatePublicClient());
        await clerk.CreateInquiryAsync("WDR");
        var (reference, _) = await clerk.UploadIndexedAsync("WDR", TestDocuments.UniqueText("echidnary"), "echidna.txt",
            new() { ["submitterName"] = "Wren Example", ["organisation"] = "Echidna Society" });

        for (var round = 0; round < 20; round++)
        {
            await clerk.PublishAsync(reference);
            await visitor.WaitForTotalAsync("q=echidnary", 1); // publishing may take the background refresh's moment

            await clerk.PublishAsync(reference, round % 2 == 0 ? "withheld" : "received");

            // No polling: the very next search.
            var results = await visitor.SearchAsync("q=echidnary&facetLimit=100");
            Assert.AreEqual(0, results["total"]!.GetValue<int>(), $"round {round}");
            Assert.DoesNotContain("Echidna Society", results.ToJsonString(), $"round {round}: not even in a facet");
            Assert.AreEqual(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/submissions/{reference}")).StatusCode);
        }

        Assert.AreEqual(1, (await clerk.SearchAsync("q=echidnary"))["total"]!.GetValue<int>(), "staff still find it");
    }
}
