namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Reads a PDF into passages: paragraphs in reading order (two-column pages read column by column), each with the
/// page it starts on and its paragraph label; footnotes as passages of their own after the paragraph that was being
/// read when their page ended. Also hands over the same text as lines for the transcript parser.
/// </summary>
public sealed class PdfPassageExtractor : IDocumentExtractor, ILineSource, ITextLayerSource
{
    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken) =>
        ExtractWithTextLayer(content, request, cancellationToken).Document;

    /// <summary>
    /// The text layer is every line read (after page furniture), a page's lines joined as passages join them (a word
    /// hyphenated at a line end is one word), and every footnote.
    /// </summary>
    public TextLayerDocument ExtractWithTextLayer(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var text = PdfTextReader.Read(content, request, cancellationToken);
        var layer = text.Lines.GroupBy(l => l.Page).Select(page => LineJoiner.Join(page.Select(l => l.Text)))
            .Concat(text.FootnotesByPage.Values.SelectMany(f => f)).ToList();
        return new TextLayerDocument(Passages(text), layer);
    }

    private static ExtractedDocument Passages(PdfText text)
    {
        var passages = new List<ExtractedPassage>();
        var pendingFootnotes = new Queue<int>(text.FootnotesByPage.Keys.Order());
        var paragraph = new List<SourceLine>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                passages.Add(PassageBuilder.FromParagraph(LineJoiner.Join(paragraph.Select(l => l.Text)), paragraph[0].Page));
                paragraph.Clear();
            }
        }

        void FootnotesBefore(int page)
        {
            while (pendingFootnotes.Count > 0 && pendingFootnotes.Peek() < page)
            {
                var footnotePage = pendingFootnotes.Dequeue();
                passages.AddRange(text.FootnotesByPage[footnotePage]
                    .Select(f => new ExtractedPassage(footnotePage, null, TextNormalizer.Clean(f), Role: PassageRole.Footnote)));
            }
        }

        foreach (var line in text.Lines)
        {
            if (line.StartsParagraph)
            {
                Flush();
                FootnotesBefore(line.Page ?? 0);
            }

            paragraph.Add(line);
        }

        Flush();
        FootnotesBefore(int.MaxValue);
        return new ExtractedDocument(text.PageCount, passages.Where(p => p.Text.Length > 0).ToList(), Metadata(text));
    }

    public SourceLines ReadLines(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        // Footnotes are left out: between two lines of a speaker's turn they would end up inside the turn.
        var text = PdfTextReader.Read(content, request, cancellationToken);
        return new SourceLines(text.PageCount, text.Lines);
    }

    private static IReadOnlyDictionary<string, string> Metadata(PdfText text)
    {
        var metadata = new Dictionary<string, string>();
        if (text.OcrPages.Count > 0)
        {
            metadata["ocrPages"] = string.Join(',', text.OcrPages);
        }

        if (text.PagesWithoutText.Count > 0)
        {
            metadata["pagesWithoutText"] = string.Join(',', text.PagesWithoutText);
        }

        return metadata.Count > 0 ? metadata : ExtractedDocument.NoMetadata;
    }
}
