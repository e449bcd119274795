namespace EvidenceHub.Extraction;

/// <summary>Why a document could not be read; each is a status a clerk understands.</summary>
public enum ExtractionFailureKind
{
    NeedsPassword,
    NoTextLayer,
    UnsupportedFormat,
    CorruptFile,
    TooLarge,
    TimedOut,
}

/// <summary>Thrown by an extractor when the document cannot be read; the message is in plain words.</summary>
public sealed class ExtractionFailedException(ExtractionFailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ExtractionFailureKind Kind { get; } = kind;
}
