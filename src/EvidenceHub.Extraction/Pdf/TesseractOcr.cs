using System.Diagnostics;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Reads pages without a text layer with poppler's <c>pdftoppm</c> (300 dpi greyscale PGM; PNG is very slow on
/// noisy scans) and <c>tesseract</c>, one page per process and pages in parallel, each tesseract single-threaded
/// (its OpenMP threads make it slower on few cores). Works in a temporary folder that is always removed.
/// </summary>
internal static class TesseractOcr
{
    public static bool IsAvailable => FindOnPath("pdftoppm") is not null && FindOnPath("tesseract") is not null;

    /// <summary>Page number → the text tesseract read (paragraphs separated by blank lines).</summary>
    public static IReadOnlyDictionary<int, string> ReadPages(byte[] pdf, IReadOnlyList<int> pages, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("evidencehub-ocr-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.pdf");
            File.WriteAllBytes(input, pdf);
            var results = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
            Parallel.ForEach(pages,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                page => results[page] = ReadPage(folder.FullName, input, page, cancellationToken));
            return results;
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a killed process may still hold a file for a moment; the OS temp cleaner will get it
            }
        }
    }

    private static string ReadPage(string folder, string input, int page, CancellationToken cancellationToken)
    {
        var image = Path.Combine(folder, $"page-{page}");
        Run("pdftoppm", ["-r", "300", "-gray", "-f", $"{page}", "-l", $"{page}", "-singlefile", input, image], cancellationToken);
        var output = Path.Combine(folder, $"text-{page}");
        Run("tesseract", [image + ".pgm", output, "--dpi", "300", "-l", "eng"], cancellationToken);
        return File.ReadAllText(output + ".txt");
    }

    private static void Run(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{tool} could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {SafeResult(error)}");
        }
    }

    private static string SafeResult(Task<string> task) =>
        task.IsCompletedSuccessfully ? task.Result.Trim() : "no details";

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
