using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using EvidenceHub.Extraction.Publishing;
using UglyToad.PdfPig;

namespace EvidenceHub.Extraction.Tests.Publishing;

/// <summary>
/// Every real PDF and Word file in the corpus: where a public copy can be made, it reads exactly as the original
/// does through our own extractors and carries no author metadata; where it cannot, the copy is refused with
/// <see cref="PublicCopyException"/> and nothing else. Prints a row per file with the time the copy took.
/// </summary>
[TestClass]
public sealed class CorpusPublicCopyTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CorpusPdfsReadTheSameWithoutTheirAuthors() => Run("pdf", "*.pdf", DocumentType.Pdf, HasNoAuthorPdf);

    [TestMethod]
    public void CorpusWordFilesReadTheSameWithoutTheirAuthors() => Run("docx", "*.docx", DocumentType.Docx, HasNoAuthorDocx);

    private void Run(string kind, string pattern, DocumentType type, Func<byte[], string?> authorLeft)
    {
        var folder = CorpusFolder.Find(kind);
        if (folder is null)
        {
            Assert.Inconclusive($"No shared/corpus/{kind} folder above {AppContext.BaseDirectory}.");
            return;
        }

        // Time copies after one warm-up, so the first row does not carry the JIT.
        PublicFileCopy.Create(type == DocumentType.Pdf ? PlantedPdf.Create() : PlantedDocx.Create(), type);

        var problems = new List<string>();
        var timings = new List<long>();
        TestContext.WriteLine("| file | public copy | ms |");
        foreach (var path in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var content = File.ReadAllBytes(path);
            var clock = Stopwatch.StartNew();
            byte[] copy;
            try
            {
                copy = PublicFileCopy.Create(content, type);
            }
            catch (PublicCopyException ex)
            {
                TestContext.WriteLine($"| {name} | refused: {ex.Message} ({ex.InnerException?.GetType().Name}) | {clock.ElapsedMilliseconds} |");
                continue;
            }

            timings.Add(clock.ElapsedMilliseconds);
            var before = Read(content, type);
            var after = Read(copy, type);
            var outcome = before == after ? "same text" : "TEXT DIFFERS";
            if (before != after)
            {
                problems.Add($"{name}: the copy reads differently ({before.Split('\n')[0]} → {after.Split('\n')[0]})");
            }

            if (authorLeft(copy) is { } left)
            {
                problems.Add($"{name}: {left}");
                outcome += "; " + left;
            }

            TestContext.WriteLine($"| {name} | {outcome} ({content.Length:N0} → {copy.Length:N0} bytes) | {timings[^1]} |");
        }

        TestContext.WriteLine($"{timings.Count} copied; {timings.Sum()} ms in all; median {Median(timings)} ms; slowest {timings.DefaultIfEmpty().Max()} ms");
        Assert.IsEmpty(problems, string.Join("\n", problems));
        Assert.IsNotEmpty(timings, "no corpus file could be copied at all");
    }

    /// <summary>The passages as text, or the reason extraction failed: a copy must fail the same way.</summary>
    private static string Read(byte[] content, DocumentType type)
    {
        try
        {
            var document = new DocumentExtractor().Extract(content, new ExtractionRequest(type, Ocr: false), CancellationToken.None);
            return $"{document.PageCount} pages, {document.Passages.Count} passages\n"
                + string.Join("\n", document.Passages.Select(p => $"{p.Page}|{p.Paragraph}|{p.Role}|{p.Text}"));
        }
        catch (ExtractionFailedException ex)
        {
            return $"failed: {ex.Kind}";
        }
    }

    private static string? HasNoAuthorPdf(byte[] copy)
    {
        using var document = PdfDocument.Open(copy);
        var information = document.Information;
        return information.Author is not null || information.Creator is not null || information.Producer is not null
            ? "information dictionary left"
            : document.TryGetXmpMetadata(out _) ? "XMP left" : null;
    }

    private static string? HasNoAuthorDocx(byte[] copy)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(copy), isEditable: false);
        if (document.PackageProperties.Creator is not null || document.PackageProperties.LastModifiedBy is not null)
        {
            return "creator or last editor left";
        }

        return PlantedDocx.Parts(copy).Values.Any(xml => xml.Contains("w:author=", StringComparison.Ordinal)
                && !xml.Split("w:author=\"").Skip(1).All(v => v.StartsWith("Author\"", StringComparison.Ordinal) || v.StartsWith("Reviewer\"", StringComparison.Ordinal)))
            ? "a named w:author left"
            : null;
    }

    private static long Median(List<long> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}
