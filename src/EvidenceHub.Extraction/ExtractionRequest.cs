namespace EvidenceHub.Extraction;

/// <summary>What an extractor needs besides the bytes.</summary>
public sealed record ExtractionRequest(
    DocumentType Type,
    bool IsTranscript = false,
    string? Password = null,
    int MaxPages = 2000);

public interface IDocumentExtractor
{
    /// <summary>Reads the document; throws <see cref="ExtractionFailedException"/> with a plain reason.</summary>
    ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken);
}
