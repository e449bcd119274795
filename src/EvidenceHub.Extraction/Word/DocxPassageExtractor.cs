using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EvidenceHub.Extraction.Word;

/// <summary>Reads the paragraphs of a Word (DOCX) body in document order with the Open XML SDK.</summary>
public sealed class DocxPassageExtractor : IDocumentExtractor
{
    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = Open(stream);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                "The Word file has no document body.");

        var passages = new List<ExtractedPassage>();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));
            if (!string.IsNullOrWhiteSpace(text))
            {
                passages.Add(PassageBuilder.FromParagraph(text, page: null));
            }
        }

        return new ExtractedDocument(null, passages, ExtractedDocument.NoMetadata);
    }

    private static WordprocessingDocument Open(Stream stream)
    {
        try
        {
            return WordprocessingDocument.Open(stream, isEditable: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                "The Word file is damaged or password-protected and could not be opened.", ex);
        }
    }
}
