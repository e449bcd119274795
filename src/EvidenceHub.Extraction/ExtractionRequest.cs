namespace EvidenceHub.Extraction;

/// <summary>What an extractor needs besides the bytes.</summary>
public sealed record ExtractionRequest(
    DocumentType Type,
    bool IsTranscript = false,
    string? Password = null,
    int MaxPages = 2000,
    long MaxUncompressedBytes = ExtractionRequest.DefaultMaxUncompressedBytes,
    bool Ocr = true)
{
    /// <summary>What the parts of a Word file may add up to once unpacked; real submissions stay far below.</summary>
    public const long DefaultMaxUncompressedBytes = 256L * 1024 * 1024;
}

public interface IDocumentExtractor
{
    /// <summary>Reads the document; throws <see cref="ExtractionFailedException"/> with a plain reason.</summary>
    ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken);
}
