using System.Text;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Extraction;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Pipeline;

[TestClass]
public sealed class ExtractionTimeoutTests
{
    [TestMethod]
    public async Task An_extraction_past_the_time_limit_fails_as_timed_out_and_the_next_upload_is_still_indexed()
    {
        // One worker and a parser that ignores cancellation: the next file is read only if the runaway work was abandoned.
        using var factory = new EvidenceHubFactory(
            settings: new Dictionary<string, string?> { ["EvidenceHub:ExtractionTimeout"] = "00:00:01", ["EvidenceHub:Workers"] = "1" },
            services: s => s.AddSingleton<IDocumentExtractor, LoopingOnMarkerExtractor>());
        var api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("SLW");

        var slow = await api.UploadAcceptedAsync("SLW", TestDocuments.UniqueText(LoopingOnMarkerExtractor.Marker), "slow.txt");
        var failed = await api.WaitUntilDoneAsync(slow, TimeSpan.FromSeconds(30));
        Assert.AreEqual("failed", failed["status"]!.GetValue<string>());
        Assert.Contains("took longer than the limit of 1 seconds", failed["failureReason"]!.GetValue<string>());

        var next = await api.UploadAcceptedAsync("SLW", TestDocuments.UniqueText("after-the-slow-one"), "next.txt");
        var indexed = await api.WaitUntilDoneAsync(next, TimeSpan.FromSeconds(15));
        Assert.AreEqual("indexed", indexed["status"]!.GetValue<string>(), indexed.ToJsonString());
    }

    /// <summary>The real extractor, except that a file carrying the marker spins for a minute without looking at its token.</summary>
    private sealed class LoopingOnMarkerExtractor : IDocumentExtractor
    {
        public const string Marker = "spin-forever";

        private readonly DocumentExtractor real = new();

        public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
        {
            if (Encoding.UTF8.GetString(content).Contains(Marker, StringComparison.Ordinal))
            {
                var until = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < until)
                {
                    Thread.Sleep(20);
                }
            }

            return real.Extract(content, request, cancellationToken);
        }
    }
}
