using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Submissions;

/// <summary>The unit of search and of citation: a paragraph of written evidence or a transcript turn.</summary>
public sealed class Passage
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public int Ordinal { get; set; }

    public int? Page { get; set; }

    public string? Paragraph { get; set; }

    public string? Question { get; set; }

    public string? Speaker { get; set; }

    public PassageRole Role { get; set; }

    public required string Text { get; set; }

    /// <summary>In a campaign member, a passage that is not the campaign's template: the sender's own words.</summary>
    public bool OwnWords { get; set; }
}
