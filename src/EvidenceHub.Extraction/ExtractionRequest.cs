namespace EvidenceHub.Extraction;

/// <summary>What an extractor needs besides the bytes.</summary>
public sealed record ExtractionRequest(
    DocumentType Type,
    bool IsTranscript = false,
    string? Password = null,
    int MaxPages = 2000,
    long MaxUncompressedBytes = ExtractionRequest.DefaultMaxUncompressedBytes,
    bool Ocr = true,
    int MaxOcrPages = ExtractionRequest.DefaultMaxOcrPages,
    int MaxCharacters = ExtractionRequest.DefaultMaxCharacters,
    int MaxPassages = ExtractionRequest.DefaultMaxPassages)
{
    /// <summary>What the parts of a Word file may add up to once unpacked; real submissions stay far below.</summary>
    public const long DefaultMaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Scanned pages read by OCR in one file (~2 s a page here); pages past it are listed as without text, so a long
    /// scan is still searchable in its first pages rather than timed out whole.
    /// </summary>
    public const int DefaultMaxOcrPages = 100;

    /// <summary>The most text one file may give (some 3 million words); more fails "too large".</summary>
    public const int DefaultMaxCharacters = 20_000_000;

    /// <summary>
    /// The most passages one file may give: a 2,000-page report has some 20,000. Each passage is a row and an index
    /// entry, so a file of millions of one-word paragraphs fails "too large" even under the text cap.
    /// </summary>
    public const int DefaultMaxPassages = 100_000;
}

public interface IDocumentExtractor
{
    /// <summary>Reads the document; throws <see cref="ExtractionFailedException"/> with a plain reason.</summary>
    ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken);
}
