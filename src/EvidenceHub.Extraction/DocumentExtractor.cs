using EvidenceHub.Extraction.Pdf;
using EvidenceHub.Extraction.PlainText;
using EvidenceHub.Extraction.Word;

namespace EvidenceHub.Extraction;

/// <summary>Chooses the extractor for a sniffed document type.</summary>
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
        return extractor.Extract(content, request, cancellationToken);
    }
}
