using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Reads every page (checking for cancellation between pages), removes running headers and footers, separates
/// footnotes, marks paragraph starts, and OCRs pages that are images with no text layer when the tools exist.
/// </summary>
internal static class PdfTextReader
{
    private const int MinimumLettersOfATextLayer = 20;

    public static PdfText Read(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var pages = new List<PdfPageLines>();
        var imageOnlyPages = new List<OcrPage>();
        int pageCount;
        long characters = 0;
        using (var document = PdfDocumentOpener.Open(content, request))
        {
            pageCount = document.NumberOfPages;
            for (var number = 1; number <= pageCount; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = PdfDocumentOpener.GetPage(document, number);
                var pageLines = ReadLayout(page);
                pages.Add(pageLines);
                // Stop at the cap as the text grows, not after holding all of it.
                characters += pageLines.Lines.Sum(l => (long)l.Text.Length);
                TextLimit.Check(characters, request.MaxCharacters);
                // A scan sometimes carries a few stray letters (a stamp, a producer's mark): still a scan.
                if (page.Letters.Count < MinimumLettersOfATextLayer && HasImages(page))
                {
                    imageOnlyPages.Add(new OcrPage(number, Math.Max(page.Width, page.Height)));
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var body = new List<PdfLayoutLine>();
        var footnotes = new Dictionary<int, IReadOnlyList<string>>();
        var withoutFurniture = RunningHeaderFilter.Apply(pages);
        var bodySize = FootnoteSplitter.BodyFontSize(withoutFurniture.SelectMany(p => p.Lines));
        foreach (var page in withoutFurniture)
        {
            var (pageBody, pageFootnotes) = FootnoteSplitter.Split(page, bodySize);
            body.AddRange(pageBody);
            if (pageFootnotes.Count > 0)
            {
                footnotes[page.Number] = pageFootnotes.Select(f => LineJoiner.Join(f.Select(l => l.Text))).ToList();
            }
        }

        var lines = ParagraphBreaks.Mark(body).ToList();
        var ocrPages = new List<int>();
        if (imageOnlyPages.Count > 0 && request.Ocr && TesseractOcr.IsAvailable)
        {
            // Past the cap, scanned pages stay listed as without text: OCR costs seconds a page.
            var toRead = imageOnlyPages.Take(request.MaxOcrPages).ToList();
            ocrPages = toRead.Select(p => p.Number).ToList();
            lines = MergeByPage(lines.Where(l => !ocrPages.Contains(l.Page ?? 0)).ToList(),
                OcrLines(content, toRead, cancellationToken));
            foreach (var page in ocrPages)
            {
                footnotes.Remove(page);
            }
        }

        if (lines.Count == 0 && footnotes.Count == 0)
        {
            throw NoText(imageOnlyPages.Count > 0, ocrPages.Count > 0, request.Ocr);
        }

        var withoutText = imageOnlyPages.Select(p => p.Number).Except(ocrPages).ToList();
        return new PdfText(pageCount, lines, footnotes, ocrPages, withoutText);
    }

    private static PdfPageLines ReadLayout(Page page)
    {
        try
        {
            return PdfPageLayout.Read(page);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Layout analysis gave up on this page; the content stream's own order still gives its words.
            var text = ContentOrderTextExtractor.GetText(page).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return new PdfPageLines(page.Number, page.Height, false,
                text.Select((t, i) => new PdfLayoutLine(page.Number, t.Trim(), 0, page.Width, -i * 12, -i * 12 - 10, -i * 12, 10, 0))
                    .Where(l => l.Text.Length > 0)
                    .ToList());
        }
    }

    private static bool HasImages(Page page)
    {
        try
        {
            return page.GetImages().Any();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return true;
        }
    }

    private static List<SourceLine> OcrLines(byte[] content, IReadOnlyList<OcrPage> pages, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<int, string> texts;
        try
        {
            texts = TesseractOcr.ReadPages(content, pages, cancellationToken);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.NoTextLayer,
                "The PDF has pages with no text layer (they look like scans), and reading them by OCR failed.", ex);
        }

        var lines = new List<SourceLine>();
        foreach (var page in pages.Select(p => p.Number).Order())
        {
            var startsParagraph = true;
            foreach (var raw in texts[page].Replace("\r", string.Empty).Split('\n'))
            {
                var text = raw.Trim();
                if (text.Length == 0 || text == "\f")
                {
                    startsParagraph = true;
                    continue;
                }

                lines.Add(new SourceLine(page, text, startsParagraph || ParagraphLabel.TrySplit(text, out _, out _)));
                startsParagraph = false;
            }
        }

        return lines;
    }

    private static List<SourceLine> MergeByPage(List<SourceLine> a, List<SourceLine> b) =>
        a.Concat(b).Select((line, index) => (line, index)).OrderBy(x => x.line.Page).ThenBy(x => x.index).Select(x => x.line).ToList();

    private static ExtractionFailedException NoText(bool looksScanned, bool triedOcr, bool ocrAsked) => new(ExtractionFailureKind.NoTextLayer,
        (looksScanned, triedOcr) switch
        {
            (true, true) => "The PDF has no text layer (it looks like a scan), and OCR found no readable text in it.",
            (true, false) when !ocrAsked => "The PDF has no text layer (it looks like a scan), and OCR was not asked for.",
            (true, false) => "The PDF has no text layer (it looks like a scan), and the OCR tools (pdftoppm and tesseract) are not installed on the server, so there is no text to search.",
            _ => "The PDF contains no text: its pages are blank or drawn without any text.",
        });
}
