namespace EvidenceHub.Search;

/// <summary>One passage with its submission's fields: the unit the index stores and returns.</summary>
public sealed record PassageDocument(
    long PassageId,
    long SubmissionId,
    string Reference,
    string Inquiry,
    string Kind,
    string? Category,
    string SubmitterName,
    string? Organisation,
    bool Anonymous,
    DateOnly? ReceivedOn,
    string Publication,
    string? Title,
    int Ordinal,
    int? Page,
    string? Paragraph,
    string? Question,
    string? Speaker,
    string Text,
    IReadOnlyList<string> Themes,
    int? LineStart = null)
{
    /// <summary>The id of the campaign the submission is in; null for an individual response.</summary>
    public long? Campaign { get; init; }

    /// <summary>The passage is a campaign member's own words, not the template's.</summary>
    public bool OwnWords { get; init; }
}
