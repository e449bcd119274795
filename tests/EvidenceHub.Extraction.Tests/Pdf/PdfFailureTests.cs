using System.Diagnostics;

namespace EvidenceHub.Extraction.Tests.Pdf;

[TestClass]
public sealed class PdfFailureTests
{
    [TestMethod]
    public void GarbageAfterAPdfHeaderIsReportedAsCorrupt()
    {
        var bytes = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251))).ToArray();

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => TestPdf.Extract(bytes));

        Assert.AreEqual(ExtractionFailureKind.CorruptFile, failure.Kind);
        Assert.Contains("damaged", failure.Message);
    }

    [TestMethod]
    public void ABlankPdfHasNoTextLayer()
    {
        var pdf = new TestPdf().NewPage().Build();

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => TestPdf.Extract(pdf));

        Assert.AreEqual(ExtractionFailureKind.NoTextLayer, failure.Kind);
    }

    [TestMethod]
    public void AScannedPageIsReadByOcrOrReportedAsHavingNoTextLayer()
    {
        var scan = new TestPdf().Image(RenderToPng(OriginalPage()) ?? BlankPng()).Build();

        ExtractedDocument? document = null;
        ExtractionFailedException? failure = null;
        try
        {
            document = TestPdf.Extract(scan);
        }
        catch (ExtractionFailedException ex)
        {
            failure = ex;
        }

        if (document is not null)
        {
            Assert.Contains("community", string.Join(' ', document.Passages.Select(p => p.Text)).ToLowerInvariant());
            Assert.AreEqual("1", document.Metadata["ocrPages"]);
        }
        else
        {
            // Only acceptable where the OCR tools are missing, and then the clerk is told so.
            Assert.AreEqual(ExtractionFailureKind.NoTextLayer, failure!.Kind);
            Assert.Contains("not installed", failure.Message);
        }
    }

    [TestMethod]
    public void TooManyPagesIsTooLarge()
    {
        var pdf = new TestPdf();
        for (var page = 1; page <= 3; page++)
        {
            pdf.NewPage().Lines(72, TestPdf.Top, $"Page {page}.");
        }

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => new DocumentExtractor()
            .Extract(pdf.Build(), new ExtractionRequest(DocumentType.Pdf, MaxPages: 2), CancellationToken.None));

        Assert.AreEqual(ExtractionFailureKind.TooLarge, failure.Kind);
    }

    [TestMethod]
    public void TextPastTheCharacterCapIsTooLarge()
    {
        var pdf = new TestPdf();
        for (var page = 1; page <= 3; page++)
        {
            pdf.NewPage().Lines(72, TestPdf.Top, $"Page {page} says something about community funding.");
        }

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => new DocumentExtractor()
            .Extract(pdf.Build(), new ExtractionRequest(DocumentType.Pdf, MaxCharacters: 100), CancellationToken.None));

        Assert.AreEqual(ExtractionFailureKind.TooLarge, failure.Kind);
        Assert.Contains("more than 100 characters of text", failure.Message);
    }

    [TestMethod]
    public void OcrStopsAtItsPageCapAndListsTheRestAsWithoutText()
    {
        if (RenderToPng(OriginalPage()) is not { } png)
        {
            Assert.Inconclusive("poppler (pdftoppm) is not installed; scripts/test.sh installs it.");
            return;
        }

        var scan = new TestPdf().Image(png).NewPage().Image(png).Build();

        var document = new DocumentExtractor().Extract(scan, new ExtractionRequest(DocumentType.Pdf, MaxOcrPages: 1), CancellationToken.None);

        Assert.AreEqual("1", document.Metadata["ocrPages"]);
        Assert.AreEqual("2", document.Metadata["pagesWithoutText"]);
        Assert.IsTrue(document.Passages.All(p => p.Page == 1));
    }

    [TestMethod]
    public void ACancelledExtractionStops()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Lines(72, TestPdf.Top, "Some text.");

        Assert.ThrowsExactly<OperationCanceledException>(() => new DocumentExtractor()
            .Extract(pdf.Build(), new ExtractionRequest(DocumentType.Pdf), new CancellationToken(canceled: true)));
    }

    private static byte[] OriginalPage()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Text("Community groups need", 72, 700, 28);
        pdf.Text("long term funding.", 72, 660, 28);
        return pdf.Build();
    }

    /// <summary>A real scan: the page rendered to an image by poppler, or null where poppler is not installed.</summary>
    private static byte[]? RenderToPng(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("evidencehub-test-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm", ["-r", "100", "-png", "-singlefile", input, Path.Combine(folder.FullName, "out")])
            {
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            process?.WaitForExit();
            var png = Path.Combine(folder.FullName, "out.png");
            return File.Exists(png) ? File.ReadAllBytes(png) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] BlankPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAzgaLxgAAAABJRU5ErkJggg==");
}
