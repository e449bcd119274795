namespace EvidenceHub.Extraction.Pdf;

/// <summary>One line of a PDF page with the geometry the paragraph, header and footnote rules need (PDF units, y up).</summary>
internal sealed record PdfLayoutLine(
    int Page,
    string Text,
    double Left,
    double Right,
    double Top,
    double Bottom,
    double Baseline,
    double FontSize,
    int Column);

/// <summary>The lines of one page in reading order.</summary>
internal sealed record PdfPageLines(int Number, double Height, bool HasColumns, IReadOnlyList<PdfLayoutLine> Lines);
