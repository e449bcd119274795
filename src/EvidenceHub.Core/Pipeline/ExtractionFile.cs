using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Pipeline;

/// <summary>A file to read, and what its reader needs besides the bytes.</summary>
public sealed record ExtractionFile(byte[] Content, ExtractionRequest Request);

/// <summary>What reading one file of a group came to: its document, or why it could not be read, in plain words.</summary>
public sealed record ExtractionResult(ExtractedDocument? Document, ExtractionFailedException? Failure)
{
    public static ExtractionResult Read(ExtractedDocument document) => new(document, null);

    public static ExtractionResult Failed(ExtractionFailedException failure) => new(null, failure);

    /// <summary>The document; or, for a file that could not be read, its failure thrown.</summary>
    public ExtractedDocument DocumentOrThrow() => Document ?? throw Failure!;
}
