namespace EvidenceHub.Core.Themes;

public enum TagOrigin
{
    Automatic,
    Manual,
}

public enum TagReview
{
    None,
    Confirmed,
    Rejected,
}

/// <summary>
/// Ties a theme to a submission (<see cref="PassageId"/> null) or to one of its passages. An automatic
/// tag says why it matched (rule version, the passage, the matched words); a manual one says who and
/// when. A rule re-run never removes a manual or confirmed tag and never restores a rejected one.
/// </summary>
public sealed class ThemeTag
{
    public long Id { get; set; }

    public long ThemeId { get; set; }

    public long SubmissionId { get; set; }

    /// <summary>The tagged passage; null for the tag on the submission as a whole.</summary>
    public long? PassageId { get; set; }

    public TagOrigin Origin { get; set; }

    public TagReview Review { get; set; }

    /// <summary>Automatic: the rule version that matched.</summary>
    public int? RuleVersion { get; set; }

    /// <summary>Automatic: the words of the passage the rule matched, "; "-separated.</summary>
    public string? MatchedTerms { get; set; }

    /// <summary>Automatic: the (first) passage that matched; for a passage tag, the passage itself.</summary>
    public long? MatchedPassageId { get; set; }

    /// <summary>Automatic, on a submission: how many of its passages matched.</summary>
    public int? MatchedPassages { get; set; }

    /// <summary>Who made the tag: a person for a manual tag, "rule" for an automatic one.</summary>
    public required string TaggedBy { get; set; }

    public DateTimeOffset TaggedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Counts in search, coverage and the submission's themes: manual, or automatic and not rejected.</summary>
    public bool IsEffective => Origin == TagOrigin.Manual || Review != TagReview.Rejected;

    /// <summary>A re-run of the rule may add, change or remove only automatic tags nobody has reviewed.</summary>
    public bool BelongsToRule => Origin == TagOrigin.Automatic && Review == TagReview.None;
}
