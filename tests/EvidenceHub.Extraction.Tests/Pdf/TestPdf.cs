using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EvidenceHub.Extraction.Tests.Pdf;

/// <summary>Writes the small PDFs the tests read, with PdfPig's own builder (A4, Helvetica).</summary>
internal sealed class TestPdf
{
    public const double Top = 760;
    private readonly PdfDocumentBuilder builder = new();
    private readonly PdfDocumentBuilder.AddedFont font;
    private PdfPageBuilder? page;

    public TestPdf() => font = builder.AddStandard14Font(Standard14Font.Helvetica);

    public TestPdf NewPage()
    {
        page = builder.AddPage(PageSize.A4);
        return this;
    }

    public TestPdf Text(string text, double x, double y, double size = 11)
    {
        (page ?? NewPage().page)!.AddText(text, size, new PdfPoint(x, y), font);
        return this;
    }

    /// <summary>Lines one under another at 14pt leading; returns the y below the last line.</summary>
    public double Lines(double x, double y, params string[] lines)
    {
        foreach (var line in lines)
        {
            Text(line, x, y);
            y -= 14;
        }

        return y;
    }

    public TestPdf Image(byte[] png)
    {
        (page ?? NewPage().page)!.AddPng(png, new PdfRectangle(0, 0, 595, 842));
        return this;
    }

    public byte[] Build() => builder.Build();

    public static ExtractedDocument Extract(byte[] pdf) =>
        new DocumentExtractor().Extract(pdf, new ExtractionRequest(DocumentType.Pdf), CancellationToken.None);
}
