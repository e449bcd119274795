using System.Diagnostics;

namespace EvidenceHub.Extraction;

/// <summary>
/// Runs extraction over every file in a folder and prints one Markdown row per file and a totals row, so a
/// batch of real documents shows at a glance what reads, what fails and why, what is slow, and what lost words: each
/// row gives the share of the file's words found in its passages, flagged where it is under
/// <see cref="Coverage.WordCoverage.Required"/>. Each file runs on
/// its own thread under a time limit; a parser that hangs is abandoned and reported as timed out.
/// </summary>
public static class CorpusCheck
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(60);

    public static void Run(string directory, TextWriter output) => Run(directory, output, DefaultTimeLimit);

    public static void Run(string directory, TextWriter output, TimeSpan timeLimit)
    {
        output.WriteLine("| file | status | pages | passages | words | coverage | ms |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var rows = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Check(path, Path.GetRelativePath(directory, path), timeLimit, output))
            .ToList();

        var read = rows.Count(r => r.Status.StartsWith("ok", StringComparison.Ordinal));
        var underCoverage = rows.Count(r => r.Coverage < Coverage.WordCoverage.Required);
        var failures = rows.Where(r => !r.Status.StartsWith("ok", StringComparison.Ordinal))
            .GroupBy(r => r.Status.Split(':')[0])
            .Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine(
            $"| **total: {rows.Count} files** | {read} ok; {string.Join("; ", failures)} | {rows.Sum(r => r.Pages)} | {rows.Sum(r => r.Passages)} | {rows.Sum(r => r.Words)} | {underCoverage} under {Coverage.WordCoverage.Required * 100:0}% | {rows.Sum(r => r.Milliseconds)} |");
    }

    private sealed record Row(string Status, int Pages, int Passages, long Words, long Milliseconds, double? Coverage = null);

    /// <summary>"99.2%", or "**91.0% (under 98%)**" where words were lost; empty where the file was not read.</summary>
    private static string CoverageCell(double? coverage) => coverage switch
    {
        null => string.Empty,
        < Coverage.WordCoverage.Required => $"**{Math.Floor(coverage.Value * 1000) / 10:0.0}% (under {Coverage.WordCoverage.Required * 100:0}%)**",
        _ => $"{Math.Floor(coverage.Value * 1000) / 10:0.0}%",
    };

    private static Row Check(string path, string name, TimeSpan timeLimit, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var row = Extract(path, timeLimit) with { Milliseconds = clock.ElapsedMilliseconds };
        output.WriteLine($"| {Escape(name)} | {Escape(row.Status)} | {row.Pages} | {row.Passages} | {row.Words} | {CoverageCell(row.Coverage)} | {row.Milliseconds} |");
        output.Flush();
        return row;
    }

    private static Row Extract(string path, TimeSpan timeLimit)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Row($"unreadable: {ex.Message}", 0, 0, 0, 0);
        }

        var type = DocumentTypeSniffer.Sniff(content);
        if (type is null)
        {
            return new Row("unsupported: not PDF, Word (.docx) or plain text", 0, 0, 0, 0);
        }

        using var cancellation = new CancellationTokenSource(timeLimit);
        Row? result = null;
        // Files under a "transcripts" folder are read as oral evidence, the rest as written.
        var transcript = path.Replace('\\', '/').Contains("/transcripts/", StringComparison.OrdinalIgnoreCase);
        var worker = new Thread(() => result = ExtractOnThisThread(content, type.Value, transcript, cancellation.Token))
        {
            IsBackground = true,
            Name = $"corpus-check {Path.GetFileName(path)}",
        };
        worker.Start();

        // The token stops a well-behaved extractor; a parser stuck in a loop never looks at it, so stop waiting.
        if (!worker.Join(timeLimit + TimeSpan.FromSeconds(5)) || result is null)
        {
            return new Row($"timed out: no result within {timeLimit.TotalSeconds:0} s", 0, 0, 0, 0);
        }

        return result;
    }

    private static Row ExtractOnThisThread(byte[] content, DocumentType type, bool transcript, CancellationToken cancellationToken)
    {
        try
        {
            var document = new DocumentExtractor().Extract(content, new ExtractionRequest(type, IsTranscript: transcript), cancellationToken);
            var words = document.Passages.Sum(p => (long)p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            var status = document.Metadata.TryGetValue("ocrPages", out var ocr) ? $"ok (OCR of pages {ocr})" : "ok";
            return new Row(status, document.PageCount ?? 0, document.Passages.Count, words, 0, document.WordCoverage);
        }
        catch (ExtractionFailedException ex)
        {
            return new Row($"{ex.Kind}: {ex.Message}", 0, 0, 0, 0);
        }
        catch (OperationCanceledException)
        {
            return new Row("timed out: stopped at the time limit", 0, 0, 0, 0);
        }
        catch (Exception ex)
        {
            // A crash in a parser is a finding of the check, not a reason to stop it.
            return new Row($"crashed: {ex.GetType().Name}: {ex.Message}", 0, 0, 0, 0);
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
