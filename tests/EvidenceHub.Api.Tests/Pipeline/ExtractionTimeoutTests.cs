using System.Text;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Extraction;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Pipeline;

[TestClass]
public sealed class ExtractionTimeoutTests
{
    [TestMethod]
    public async Task A_file_past_the_time_limit_fails_as_timed_out_its_child_process_is_killed_and_the_next_upload_is_indexed()
    {
        // One child process and a file it never finishes: the next file is read only if that child was killed and replaced.
        using var factory = new EvidenceHubFactory(
            settings: new Dictionary<string, string?> { ["EvidenceHub:ExtractionTimeout"] = "00:00:05", ["EvidenceHub:Workers"] = "1" },
            services: s => s.AddSingleton(ExtractionChildren.WithTestHooks));
        var api = new ApiClient(factory.CreateAdminClient());
        var children = factory.Services.GetRequiredService<ExtractionProcessPool>();
        await api.CreateInquiryAsync("SLW");

        var hung = await api.UploadAcceptedAsync("SLW", TestDocuments.UniqueText(ExtractionChildren.Hang), "hung.txt");
        var pid = await ExtractionChildren.WaitUntilAsync(() => children.ReadingProcessIds.FirstOrDefault(), pid => pid != 0,
            "a child process is reading the file", TimeSpan.FromSeconds(60));
        var failed = await api.WaitUntilDoneAsync(hung, TimeSpan.FromSeconds(60));
        Assert.AreEqual("failed", failed["status"]!.GetValue<string>());
        Assert.AreEqual("timed-out", failed["failureKind"]!.GetValue<string>());
        Assert.Contains("took longer than the limit of 5 seconds", failed["failureReason"]!.GetValue<string>());
        await ExtractionChildren.WaitUntilAsync(() => ExtractionChildren.IsGone(pid), gone => gone, $"child process {pid} is gone", TimeSpan.FromSeconds(15));

        var next = await api.UploadAcceptedAsync("SLW", TestDocuments.UniqueText("after-the-slow-one"), "next.txt");
        var indexed = await api.WaitUntilDoneAsync(next, TimeSpan.FromSeconds(60));
        Assert.AreEqual("indexed", indexed["status"]!.GetValue<string>(), indexed.ToJsonString());
        Assert.DoesNotContain(pid, children.ProcessIds);
    }

    [TestMethod]
    public async Task In_process_an_extraction_past_the_time_limit_is_abandoned_and_the_next_upload_is_still_indexed()
    {
        // One worker and a parser that ignores cancellation: the next file is read only if the runaway work was abandoned.
        using var factory = new EvidenceHubFactory(
            settings: new Dictionary<string, string?>
            {
                ["EvidenceHub:ExtractionIsolation"] = "InProcess",
                ["EvidenceHub:ExtractionTimeout"] = "00:00:01",
                ["EvidenceHub:Workers"] = "1",
            },
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
        Assert.IsEmpty(factory.Services.GetRequiredService<ExtractionProcessPool>().ProcessIds, "no child process was started");
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
