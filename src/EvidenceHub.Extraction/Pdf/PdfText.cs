namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// A PDF's text as body lines in reading order (headers and footers removed, paragraph starts marked) and the
/// footnotes found on each page. Pages read by OCR are listed so callers can say so.
/// </summary>
internal sealed record PdfText(
    int PageCount,
    IReadOnlyList<SourceLine> Lines,
    IReadOnlyDictionary<int, IReadOnlyList<string>> FootnotesByPage,
    IReadOnlyList<int> OcrPages,
    IReadOnlyList<int> PagesWithoutText);
