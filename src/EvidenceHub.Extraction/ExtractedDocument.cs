namespace EvidenceHub.Extraction;

/// <summary>
/// The text of one document, as passages in reading order with their locations. <see cref="WordCoverage"/> is the
/// share of the words of the file's text layer that its passages and metadata hold (see
/// <see cref="Coverage.WordCoverage"/>); null where it was not measured.
/// </summary>
public sealed record ExtractedDocument(
    int? PageCount,
    IReadOnlyList<ExtractedPassage> Passages,
    IReadOnlyDictionary<string, string> Metadata)
{
    public static IReadOnlyDictionary<string, string> NoMetadata { get; } = new Dictionary<string, string>();

    public double? WordCoverage { get; init; }
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
    PassageRole Role = PassageRole.Body)
{
    /// <summary>The heading the passage sits under ("Opening remarks by the Chair", "Examination by Mr Keith").</summary>
    public string? Section { get; init; }

    /// <summary>The hearing's latest time stamp at the passage (<c>10.00 am</c>), as printed.</summary>
    public string? Time { get; init; }

    /// <summary>The printed line number (a transcript's margin number) the passage starts on, on <see cref="Page"/>.</summary>
    public int? LineStart { get; init; }

    /// <summary>The printed line number the passage ends on, where it ends on the page it starts on (else null).</summary>
    public int? LineEnd { get; init; }

    /// <summary>The speaker's part in a hearing as the front matter gives it (<c>Chair</c>, <c>Counsel to the Inquiry</c>, <c>Witness</c>).</summary>
    public string? SpeakerRole { get; init; }
}

public enum PassageRole
{
    Body,
    Footnote,
    Table,
    Heading,
}
