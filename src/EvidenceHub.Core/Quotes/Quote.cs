using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes;

public enum QuoteStatus
{
    /// <summary>The text is where the anchor says.</summary>
    Ok,

    /// <summary>The same text was found at a new location after the source changed; the anchor follows it.</summary>
    Moved,

    /// <summary>The text no longer occurs in the source; the anchor keeps where it was.</summary>
    Drifted,

    /// <summary>
    /// The text is no longer where it was and occurs in more than one new place, none of which the
    /// surrounding words single out: the anchor keeps where it was until an author chooses.
    /// </summary>
    NeedsReview,

    /// <summary>
    /// The submission was deleted (an erasure request): the quote keeps its reference and location, so an
    /// author knows what to replace, and nothing of the evidence — no text, context, speaker or note.
    /// </summary>
    SourceDeleted,
}

/// <summary>
/// An exact span of a passage and the anchor that finds it again after re-extraction: the submission
/// and the content hash it was last checked against, the passage and its location, offsets into the
/// passage text, and up to <see cref="QuoteAnchor.ContextLength"/> characters either side.
/// </summary>
public sealed class Quote
{
    public long Id { get; set; }

    /// <summary>Null once the submission has been deleted (<see cref="QuoteStatus.SourceDeleted"/>).</summary>
    public long? SubmissionId { get; set; }

    public Submission? Submission { get; set; }

    /// <summary>The inquiry of the quoted submission, which outlives it: who may see the quote is decided by it.</summary>
    public int InquiryId { get; set; }

    /// <summary>The submission's reference code, kept when the submission is deleted (references are never reused).</summary>
    public required string Reference { get; set; }

    public int? CollectionId { get; set; }

    public QuoteCollection? Collection { get; set; }

    /// <summary>Order within the collection, from 1.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }

    public string? Note { get; set; }

    public QuoteStatus Status { get; set; }

    /// <summary>The SHA-256 of the submission's file the anchor was last checked against; null once the submission is deleted.</summary>
    public string? SourceSha256 { get; set; }

    /// <summary>Not a foreign key: passages are replaced on every extraction; the anchor outlives them.</summary>
    public long? PassageId { get; set; }

    public int PassageOrdinal { get; set; }

    public int? Page { get; set; }

    public string? Paragraph { get; set; }

    public string? Question { get; set; }

    public string? Speaker { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string Before { get; set; }

    public required string After { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>A report chapter: a named, ordered list of quotes.</summary>
public sealed class QuoteCollection
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Quote> Quotes { get; set; } = [];
}
