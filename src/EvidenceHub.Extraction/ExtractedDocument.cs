namespace EvidenceHub.Extraction;

/// <summary>The text of one document, as passages in reading order with their locations.</summary>
public sealed record ExtractedDocument(
    int? PageCount,
    IReadOnlyList<ExtractedPassage> Passages,
    IReadOnlyDictionary<string, string> Metadata)
{
    public static IReadOnlyDictionary<string, string> NoMetadata { get; } = new Dictionary<string, string>();
}

/// <summary>
/// One passage: a paragraph of written evidence or one speaker's turn in a transcript.
/// <paramref name="Paragraph"/> is the author's own label (<c>4.2</c>, <c>3(a)</c>) without trailing dot;
/// <paramref name="Question"/> is <c>Q12</c> style; <paramref name="Page"/> is 1-based and null where the
/// format has no pages (Word, text).
/// </summary>
public sealed record ExtractedPassage(
    int? Page,
    string? Paragraph,
    string Text,
    string? Question = null,
    string? Speaker = null,
    PassageRole Role = PassageRole.Body);

public enum PassageRole
{
    Body,
    Footnote,
    Table,
    Heading,
}
