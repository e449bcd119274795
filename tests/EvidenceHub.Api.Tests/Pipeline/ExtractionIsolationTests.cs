using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Extraction;
using EvidenceHub.Extraction.Isolation;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Pipeline;

/// <summary>
/// Files that would take the server down if it read them itself, read by the real extraction child processes:
/// each fails with a plain reason, the server's memory stays its own, and the files beside them are read.
/// </summary>
[TestClass]
public sealed class ExtractionIsolationTests(TestContext testContext)
{
    private const long MB = 1024 * 1024;

    [TestMethod]
    public async Task A_small_pdf_that_unpacks_to_a_gigabyte_fails_as_too_large_and_the_server_stays_under_600_MB()
    {
        var bomb = FlateBombPdf(1024 * MB);
        Assert.IsLessThan(2 * MB, bomb.LongLength, "the bomb is a small file");
        // A server of its own, so that its peak is its own: this test process holds every other test's hosts too.
        using var server = await ServerProcess.StartAsync();
        var api = new ApiClient(server.Admin);
        await api.CreateInquiryAsync("BMB");
        var peakBefore = server.PeakWorkingSetBytes;

        var reference = await api.UploadAcceptedAsync("BMB", bomb, "bomb.pdf");
        var failed = await api.WaitUntilDoneAsync(reference, TimeSpan.FromMinutes(3));
        var peak = server.PeakWorkingSetBytes;
        testContext.WriteLine($"The server's peak working set: {peakBefore / MB} MB before the bomb, {peak / MB} MB after it.");

        Assert.AreEqual("failed", failed["status"]!.GetValue<string>(), failed.ToJsonString());
        Assert.AreEqual("too-large", failed["failureKind"]!.GetValue<string>());
        Assert.Contains("needed more than the 512 MB of memory one file may use", failed["failureReason"]!.GetValue<string>());
        Assert.IsLessThan(600 * MB, peak, $"the server's peak working set was {peak / MB} MB");

        var next = await api.UploadAcceptedAsync("BMB", TestDocuments.Pdf(["1. Funding should follow need."]), "next.pdf");
        Assert.AreEqual("indexed", (await api.WaitUntilDoneAsync(next))["status"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_file_that_kills_its_reader_is_tried_once_more_then_fails_with_a_plain_reason_and_the_files_beside_it_are_read()
    {
        using var factory = new EvidenceHubFactory(services: s => s.AddSingleton(ExtractionChildren.WithTestHooks));
        var api = new ApiClient(factory.CreateAdminClient());
        var children = factory.Services.GetRequiredService<ExtractionProcessPool>();
        await api.CreateInquiryAsync("CRS");

        var killer = await api.UploadAcceptedAsync("CRS", TestDocuments.UniqueText(ExtractionChildren.Exit), "killer.txt");
        var others = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            others.Add(await api.UploadAcceptedAsync("CRS", TestDocuments.UniqueText($"beside-the-killer-{i}"), $"other-{i}.txt"));
        }

        var failed = await api.WaitUntilDoneAsync(killer, TimeSpan.FromSeconds(120));
        Assert.AreEqual("failed", failed["status"]!.GetValue<string>(), failed.ToJsonString());
        Assert.AreEqual("corrupt-file", failed["failureKind"]!.GetValue<string>());
        Assert.Contains("stopped abruptly on this file, and again on a second try", failed["failureReason"]!.GetValue<string>());
        foreach (var other in others)
        {
            var done = await api.WaitUntilDoneAsync(other, TimeSpan.FromSeconds(120));
            Assert.AreEqual("indexed", done["status"]!.GetValue<string>(), done.ToJsonString());
        }

        Assert.IsGreaterThanOrEqualTo(2, children.Started - children.ProcessIds.Count, "two child processes died on the file");
        Assert.IsLessThanOrEqualTo(2, children.ProcessIds.Count, "no more children than workers");
    }

    [TestMethod]
    public async Task A_reader_whose_memory_grows_past_its_limit_outside_the_heap_is_killed_and_the_file_fails_as_too_large()
    {
        // 128 MB of heap, killed past 128 + 256 MB resident: the hook takes native memory, which no heap limit stops.
        using var factory = new EvidenceHubFactory(
            settings: new Dictionary<string, string?> { ["EvidenceHub:ExtractionMemoryMB"] = "128", ["EvidenceHub:Workers"] = "1" },
            services: s => s.AddSingleton(ExtractionChildren.WithTestHooks));
        var api = new ApiClient(factory.CreateAdminClient());
        var children = factory.Services.GetRequiredService<ExtractionProcessPool>();
        await api.CreateInquiryAsync("HOG");

        var hog = await api.UploadAcceptedAsync("HOG", TestDocuments.UniqueText(ExtractionChildren.Hog), "hog.txt");
        var failed = await api.WaitUntilDoneAsync(hog, TimeSpan.FromSeconds(120));

        Assert.AreEqual("failed", failed["status"]!.GetValue<string>(), failed.ToJsonString());
        Assert.AreEqual("too-large", failed["failureKind"]!.GetValue<string>());
        Assert.Contains("needed more than the 128 MB of memory one file may use", failed["failureReason"]!.GetValue<string>());
        Assert.AreEqual(2, children.Started, "tried twice, each time in a fresh child process");
        Assert.IsEmpty(children.ProcessIds, "both were killed");
    }

    [TestMethod]
    public async Task A_child_process_whose_server_goes_away_in_the_middle_of_a_file_exits()
    {
        var command = ExtractionChildren.WithTestHooks;
        using var child = Process.Start(new ProcessStartInfo(command.FileName, command.Arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            child.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("test hook: hanging", StringComparison.Ordinal) == true)
                {
                    hanging.TrySetResult();
                }
            };
            child.BeginErrorReadLine();
            Assert.AreSequenceEqual(ExtractionWire.Hello.ToArray(), (await ExtractionWire.ReadAsync(child.StandardOutput.BaseStream, CancellationToken.None))!);

            var input = child.StandardInput.BaseStream;
            await ExtractionWire.WriteAsync(input, ExtractionWire.Serialize(new ExtractionRequest(DocumentType.Text)), CancellationToken.None);
            await ExtractionWire.WriteAsync(input, TestDocuments.UniqueText(ExtractionChildren.Hang), CancellationToken.None);
            await input.FlushAsync();
            await hanging.Task.WaitAsync(TimeSpan.FromSeconds(60));
            input.Close(); // as when the server's process ends, whatever way it ends

            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.AreEqual(0, child.ExitCode);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    /// <summary>
    /// A one-page PDF whose content stream is <paramref name="zeros"/> zero bytes after a line of text, Flate-compressed
    /// (zlib packs a gigabyte of zeros into about a megabyte).
    /// </summary>
    private static byte[] FlateBombPdf(long zeros)
    {
        var stream = new MemoryStream();
        using (var zlib = new ZLibStream(stream, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 72 720 Td (Evidence on funding) Tj ET\n"u8);
            var block = new byte[MB];
            for (long written = 0; written < zeros; written += block.Length)
            {
                zlib.Write(block);
            }
        }

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj {body} endobj\n");
        }

        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        offsets.Add(pdf.Position);
        Write($"4 0 obj << /Length {stream.Length} /Filter /FlateDecode >> stream\n");
        stream.Position = 0;
        stream.CopyTo(pdf);
        Write("\nendstream endobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer << /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
