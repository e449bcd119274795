using System.Net;
using System.Text;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Storage;
using EvidenceHub.Extraction;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Pipeline;

[TestClass]
public sealed class DeletionRaceTests
{
    [TestMethod]
    public async Task A_submission_deleted_while_its_file_is_being_read_ends_the_job_quietly_without_a_retry()
    {
        var held = new HeldExtractor();
        // The held extractor is an object of this process: it can only be run in the server's own process.
        using var factory = new EvidenceHubFactory(
            settings: new Dictionary<string, string?> { ["EvidenceHub:ExtractionIsolation"] = "InProcess" },
            services: s => s.AddSingleton<IDocumentExtractor>(held));
        var api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("RACE");
        var reference = await api.UploadAcceptedAsync("RACE", TestDocuments.UniqueText(HeldExtractor.Marker), "held.txt");
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.AreEqual("extracting", (await api.GetJsonAsync($"/api/submissions/{reference}"))["status"]!.GetValue<string>());

        Assert.AreEqual(HttpStatusCode.NoContent, (await api.Http.DeleteAsync($"/api/submissions/{reference}")).StatusCode);
        held.Release.SetResult();

        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Themes.ThemeClient.WaitUntilAsync(
            () => Task.FromResult(monitoring.ProcessingCount() + monitoring.EnqueuedCount("extract") + monitoring.EnqueuedCount("index")),
            busy => busy == 0, "the job server is idle");
        Assert.AreEqual(0, monitoring.FailedCount(), "the job did not fail");
        Assert.AreEqual(0, monitoring.ScheduledCount(), "no retry was scheduled");
        Assert.IsGreaterThanOrEqualTo(1, monitoring.SucceededListCount());

        Assert.AreEqual(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/submissions/{reference}")).StatusCode);
        Assert.AreEqual(0, (await api.SearchAsync("q=" + HeldExtractor.Marker))["total"]!.GetValue<int>());
        using (var scope = factory.Services.CreateScope())
        {
            Assert.AreEqual(0, await scope.ServiceProvider.GetRequiredService<EvidenceDbContext>().Passages.CountAsync(), "no passage was written for it");
        }

        var next = await api.UploadAcceptedAsync("RACE", TestDocuments.UniqueText("after-the-race"), "next.txt");
        Assert.AreEqual("indexed", (await api.WaitUntilDoneAsync(next))["status"]!.GetValue<string>());
    }

    /// <summary>The real extractor, except that a file carrying the marker waits to be released.</summary>
    private sealed class HeldExtractor : IDocumentExtractor
    {
        public const string Marker = "heldbackmarker";

        private readonly DocumentExtractor real = new();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
        {
            if (Encoding.UTF8.GetString(content).Contains(Marker, StringComparison.Ordinal))
            {
                Started.TrySetResult();
                Release.Task.Wait(TimeSpan.FromSeconds(60), cancellationToken);
            }

            return real.Extract(content, request, cancellationToken);
        }
    }
}
