using EvidenceHub.Extraction.Coverage;
using EvidenceHub.Extraction.Pdf;
using EvidenceHub.Extraction.PlainText;
using EvidenceHub.Extraction.Transcripts;
using EvidenceHub.Extraction.Word;

namespace EvidenceHub.Extraction;

/// <summary>
/// Chooses the extractor for a sniffed document type; transcripts go through the transcript parser. Every document
/// comes back with its <see cref="ExtractedDocument.WordCoverage"/> measured against the file's text layer, so a
/// reading that lost words says so rather than passing for complete.
/// </summary>
public sealed class DocumentExtractor : IDocumentExtractor
{
    private readonly PdfPassageExtractor pdf = new();
    private readonly DocxPassageExtractor docx = new();
    private readonly PlainTextPassageExtractor text = new();

    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        ITextLayerSource extractor = request.Type switch
        {
            DocumentType.Pdf => pdf,
            DocumentType.Docx => docx,
            DocumentType.Text => text,
            _ => throw new ExtractionFailedException(ExtractionFailureKind.UnsupportedFormat,
                "This kind of file is not supported; upload PDF, Word (.docx) or plain text."),
        };

        var read = request.IsTranscript
            ? ReadTranscript(extractor, content, request, cancellationToken)
            : extractor.ExtractWithTextLayer(content, request, cancellationToken);
        var document = read.Document with { WordCoverage = WordCoverage.Measure(read.TextLayer, read.Document, read.Furniture) };
        TextLimit.Check(document, request);
        return document;
    }

    /// <summary>
    /// Turns from the format's lines. Where no speaker's turn is found at all (prose uploaded as oral evidence), the
    /// file is read as written evidence instead, with any front-matter fields kept, so its words are not lost.
    /// </summary>
    private static TextLayerDocument ReadTranscript(ITextLayerSource extractor, byte[] content, ExtractionRequest request,
        CancellationToken cancellationToken)
    {
        var lines = ((ILineSource)extractor).ReadLines(content, request, cancellationToken);
        var reading = TranscriptParser.Read(lines);
        var document = reading.Document;
        IReadOnlyList<string> layer = extractor is PlainTextPassageExtractor
            ? [PlainTextPassageExtractor.Decode(content)]
            : lines.Lines.Select(l => l.Text).ToList();
        if (document.Passages.Any(p => p.Speaker is not null))
        {
            return new TextLayerDocument(document, layer) { Furniture = reading.Furniture };
        }

        var written = extractor.ExtractWithTextLayer(content, request, cancellationToken);
        var metadata = new Dictionary<string, string>(document.Metadata);
        foreach (var (key, value) in written.Document.Metadata)
        {
            metadata.TryAdd(key, value);
        }

        return written with { Document = written.Document with { Metadata = metadata } };
    }
}
