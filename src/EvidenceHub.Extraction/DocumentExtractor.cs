using EvidenceHub.Extraction.Pdf;
using EvidenceHub.Extraction.PlainText;
using EvidenceHub.Extraction.Transcripts;
using EvidenceHub.Extraction.Word;

namespace EvidenceHub.Extraction;

/// <summary>Chooses the extractor for a sniffed document type; transcripts go through the transcript parser.</summary>
public sealed class DocumentExtractor : IDocumentExtractor
{
    private readonly PdfPassageExtractor pdf = new();
    private readonly DocxPassageExtractor docx = new();
    private readonly PlainTextPassageExtractor text = new();

    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        IDocumentExtractor extractor = request.Type switch
        {
            DocumentType.Pdf => pdf,
            DocumentType.Docx => docx,
            DocumentType.Text => text,
            _ => throw new ExtractionFailedException(ExtractionFailureKind.UnsupportedFormat,
                "This kind of file is not supported; upload PDF, Word (.docx) or plain text."),
        };

        var document = request.IsTranscript
            ? TranscriptParser.Parse(ReadLines(extractor, content, request, cancellationToken))
            : extractor.Extract(content, request, cancellationToken);
        TextLimit.Check(document, request);
        return document;
    }

    /// <summary>
    /// Lines from the format's own line source; a format without one (so far the PDF extractor) gives
    /// its paragraphs, one line each.
    /// </summary>
    private static SourceLines ReadLines(IDocumentExtractor extractor, byte[] content, ExtractionRequest request,
        CancellationToken cancellationToken)
    {
        if (extractor is ILineSource lineSource)
        {
            return lineSource.ReadLines(content, request, cancellationToken);
        }

        var document = extractor.Extract(content, request, cancellationToken);
        var lines = document.Passages
            .Select(p => new SourceLine(p.Page, p.Paragraph is null ? p.Text : p.Paragraph + ". " + p.Text, StartsParagraph: true))
            .ToList();
        return new SourceLines(document.PageCount, lines);
    }
}
