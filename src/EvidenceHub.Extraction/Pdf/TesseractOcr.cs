using System.Diagnostics;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Reads pages without a text layer with poppler's <c>pdftoppm</c> (300 dpi greyscale PGM; PNG is very slow on
/// noisy scans) and <c>tesseract</c>, one page per process and pages in parallel, each tesseract single-threaded
/// (its OpenMP threads make it slower on few cores). Works in a temporary folder that is always removed.
/// A page is rendered at 300 dpi unless that would make its longer side more than <see cref="MaxPixels"/>: a page
/// can declare any size, and its image is held whole by pdftoppm and tesseract, outside the reader's memory limit.
/// </summary>
internal static class TesseractOcr
{
    /// <summary>The longer side of a rendered page: A3 at 300 dpi is 4,961 pixels.</summary>
    public const int MaxPixels = 6000;

    private const int Dpi = 300;

    public static bool IsAvailable => FindOnPath("pdftoppm") is not null && FindOnPath("tesseract") is not null;

    /// <summary>Page number → the text tesseract read (paragraphs separated by blank lines).</summary>
    public static IReadOnlyDictionary<int, string> ReadPages(byte[] pdf, IReadOnlyList<OcrPage> pages, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("evidencehub-ocr-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.pdf");
            File.WriteAllBytes(input, pdf);
            var results = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
            Parallel.ForEach(pages,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                page => results[page.Number] = ReadPage(folder.FullName, input, page, cancellationToken));
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

    private static string ReadPage(string folder, string input, OcrPage page, CancellationToken cancellationToken)
    {
        var dpi = $"{Resolution(page.LongerSidePoints)}";
        var image = Path.Combine(folder, $"page-{page.Number}");
        Run("pdftoppm", ["-r", dpi, "-gray", "-f", $"{page.Number}", "-l", $"{page.Number}", "-singlefile", input, image], cancellationToken);
        var output = Path.Combine(folder, $"text-{page.Number}");
        Run("tesseract", [image + ".pgm", output, "--dpi", dpi, "-l", "eng"], cancellationToken);
        return File.ReadAllText(output + ".txt");
    }

    /// <summary>300 dpi, or less where the page is so large that 300 dpi would pass <see cref="MaxPixels"/>.</summary>
    internal static int Resolution(double longerSidePoints) =>
        longerSidePoints * Dpi / 72 <= MaxPixels ? Dpi : Math.Max(1, (int)(MaxPixels * 72 / longerSidePoints));

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

/// <summary>A page to read by OCR, with its size (PDF points, 1/72 inch) to choose a resolution by.</summary>
internal sealed record OcrPage(int Number, double LongerSidePoints);
