using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>Reads a PDF page by page with PdfPig and splits each page into paragraphs by line spacing.</summary>
public sealed class PdfPassageExtractor : IDocumentExtractor
{
    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        using var document = Open(content, request.Password);
        if (document.NumberOfPages > request.MaxPages)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                $"The PDF has {document.NumberOfPages} pages; the limit is {request.MaxPages}.");
        }

        var passages = new List<ExtractedPassage>();
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = ReadPage(document, number);
            passages.AddRange(PageParagraphs(page).Select(p => PassageBuilder.FromParagraph(p, number)));
        }

        if (passages.Count == 0)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.NoTextLayer,
                "The PDF has no text layer (it looks like a scan), so there is no text to search.");
        }

        return new ExtractedDocument(document.NumberOfPages, passages.Where(p => p.Text.Length > 0).ToList(),
            ExtractedDocument.NoMetadata);
    }

    private static PdfDocument Open(byte[] content, string? password)
    {
        var passwords = new List<string> { string.Empty };
        if (!string.IsNullOrEmpty(password))
        {
            passwords.Add(password);
        }

        try
        {
            return PdfDocument.Open(content, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                Passwords = passwords,
            });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.NeedsPassword,
                "The PDF is protected by a password. Supply the password to read it.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                "The PDF is damaged and could not be opened.", ex);
        }
    }

    private static Page ReadPage(PdfDocument document, int number)
    {
        try
        {
            return document.GetPage(number);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                $"Page {number} of the PDF is damaged and could not be read.", ex);
        }
    }

    /// <summary>Lines by baseline, top to bottom; a paragraph ends at a gap wider than the usual line spacing.</summary>
    private static IEnumerable<string> PageParagraphs(Page page)
    {
        var lines = page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2.0))
            .OrderByDescending(g => g.Key)
            .Select(g => (Baseline: g.Average(w => w.BoundingBox.Bottom),
                Height: g.Max(w => w.BoundingBox.Height),
                Text: string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))))
            .ToList();
        if (lines.Count == 0)
        {
            yield break;
        }

        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Baseline - b.Baseline).Where(g => g > 0).OrderBy(g => g).ToList();
        var usual = gaps.Count > 0 ? gaps[gaps.Count / 2] : lines[0].Height * 1.2;
        var current = new List<string> { lines[0].Text };
        for (var i = 1; i < lines.Count; i++)
        {
            var gap = lines[i - 1].Baseline - lines[i].Baseline;
            if (gap > usual * 1.35 || ParagraphLabel.TrySplit(lines[i].Text, out _, out _))
            {
                yield return string.Join(' ', current);
                current.Clear();
            }

            current.Add(lines[i].Text);
        }

        yield return string.Join(' ', current);
    }
}
