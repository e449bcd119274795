using System.Collections.Concurrent;
using System.Diagnostics;
using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Extraction;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Bench.Extraction;

/// <summary>
/// Our PDF extraction as the server runs it — through its pool of extraction child processes, one per core (the API's
/// <c>extract</c> verb, the dll named by <c>BENCH_API_DLL</c>) — against poppler's <c>pdftotext</c> on the same files,
/// each with one file per core at a time, after one untimed pass of each: pages per second and words found (text
/// layers only, as pdftotext reads them; OCR of scanned pages timed apart).
/// </summary>
internal static class ExtractionBench
{
    public static void Run(string folder, string label, Report report)
    {
        var files = Directory.EnumerateFiles(folder, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var cores = Environment.ProcessorCount;
        using var pool = NewPool(cores);
        // One untimed pass of each first: a running server's children have long reached their optimised code (a
        // 4-second timed pass is otherwise mostly tier-0 code, about half the speed), and pdftotext gets the files in
        // the page cache. The ratio compares like with like: text layers only (pdftotext does no OCR). Scanned pages,
        // which we also read by OCR, are timed in a pass of their own.
        Measure(files, cores, f => Ours(pool, f, ocr: false));
        Measure(files, cores, Poppler);

        var ours = Measure(files, cores, f => Ours(pool, f, ocr: false));
        var poppler = Measure(files, cores, Poppler);
        // A file that is all scans fails without OCR, so any failure also earns the OCR pass.
        var withOcr = ours.ScannedPages > 0 || ours.Failed > 0 ? Measure(files, cores, f => Ours(pool, f, ocr: true)) : null;
        var ratio = (ours.Pages / ours.Seconds) / (poppler.Pages / poppler.Seconds);
        var ocrNote = withOcr is not { ScannedPages: > 0 } ? ""
            : $"; with OCR of its {withOcr.ScannedPages} scanned pages: {withOcr.Pages / withOcr.Seconds:F1} pages/s, {withOcr.Words:N0} words";
        report.Row("extraction", label, $"{files.Count} PDFs, {ours.Pages:N0} pages",
            $"{ours.Pages / ours.Seconds:F1} pages/s, {ours.Words:N0} words{(ours.Failed > 0 ? $", {ours.Failed} failed" : "")}{ocrNote}",
            $"{poppler.Pages / poppler.Seconds:F1} pages/s, {poppler.Words:N0} words{(poppler.Failed > 0 ? $", {poppler.Failed} failed" : "")}",
            $"{Fmt.Ratio(ratio)} of pdftotext's speed" + (ratio >= 1 ? " (target ≥ 1× met)" : $" (target ≥ 1× missed by {1 / ratio:F1}×)"));
    }

    /// <summary>
    /// What a child process adds to a file that costs next to nothing to read: a short text file, one at a time in the
    /// server's own process and through one child, then one per core at a time through the pool (the ≥ 200 submissions/s
    /// of short text files that the pool, rather than a process per file, is for).
    /// </summary>
    public static void RunOverhead(int requests, Report report)
    {
        var content = "1. Neighbourhood funding should reach the places that need it most.\n\n2. It should last ten years.\n"u8.ToArray();
        var request = new ExtractionRequest(DocumentType.Text);
        var extractor = new DocumentExtractor();
        var cores = Environment.ProcessorCount;
        using var pool = NewPool(cores);
        for (var i = 0; i < 200; i++)
        {
            extractor.Extract(content, request, CancellationToken.None);
            pool.ExtractAsync(content, request, CancellationToken.None).GetAwaiter().GetResult();
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            extractor.Extract(content, request, CancellationToken.None);
        }

        var inProcess = clock.Elapsed.TotalMilliseconds / requests;
        clock.Restart();
        for (var i = 0; i < requests; i++)
        {
            pool.ExtractAsync(content, request, CancellationToken.None).GetAwaiter().GetResult();
        }

        var oneAtATime = clock.Elapsed.TotalMilliseconds / requests;
        clock.Restart();
        Parallel.For(0, requests, new ParallelOptions { MaxDegreeOfParallelism = cores },
            _ => pool.ExtractAsync(content, request, CancellationToken.None).GetAwaiter().GetResult());
        var perSecond = requests / clock.Elapsed.TotalSeconds;
        report.Row("extraction-overhead", $"{content.Length}-byte text file", $"{requests:N0}",
            $"{inProcess:F3}", $"{oneAtATime:F3} (+{oneAtATime - inProcess:F3})", $"{perSecond:N0} files/s");
    }

    private static ExtractionProcessPool NewPool(int size)
    {
        var dll = Environment.GetEnvironmentVariable("BENCH_API_DLL") is { Length: > 0 } path && File.Exists(path) ? path
            : throw new InvalidOperationException("BENCH_API_DLL must name EvidenceHub.Api.dll, whose extract verb reads the files (scripts/bench.sh sets it).");
        return new ExtractionProcessPool(new ExtractionChildCommand("dotnet", [dll, ExtractionChildCommand.Verb]),
            Options.Create(new EvidenceHubOptions { ExtractionProcesses = size }), NullLogger<ExtractionProcessPool>.Instance);
    }

    private sealed record Outcome(int Pages, long Words, bool Failed, int ScannedPages);

    private sealed record Totals(double Seconds, int Pages, long Words, int Failed, int ScannedPages);

    private static Totals Measure(IReadOnlyList<string> files, int cores, Func<string, Outcome> run)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = cores }, f => outcomes.Add(run(f)));
        return new Totals(clock.Elapsed.TotalSeconds, outcomes.Sum(o => o.Pages), outcomes.Sum(o => o.Words),
            outcomes.Count(o => o.Failed), outcomes.Sum(o => o.ScannedPages));
    }

    private static Outcome Ours(ExtractionProcessPool pool, string file, bool ocr)
    {
        try
        {
            var request = new ExtractionRequest(DocumentType.Pdf, Ocr: ocr);
            var document = pool.ExtractAsync(File.ReadAllBytes(file), request, CancellationToken.None).GetAwaiter().GetResult();
            var scanned = document.Metadata.TryGetValue("ocrPages", out var read) ? read
                : document.Metadata.GetValueOrDefault("pagesWithoutText");
            return new Outcome(document.PageCount ?? 0, document.Passages.Sum(p => Words(p.Text)), false, scanned?.Split(',').Length ?? 0);
        }
        catch (ExtractionFailedException)
        {
            return new Outcome(0, 0, true, 0);
        }
    }

    private static Outcome Poppler(string file)
    {
        var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        // pdftotext ends every page with a form feed.
        return new Outcome(text.Count(c => c == '\f'), Words(text), process.ExitCode != 0, 0);
    }

    private static long Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
