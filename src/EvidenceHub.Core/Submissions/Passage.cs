using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Submissions;

/// <summary>The unit of search and of citation: a paragraph of written evidence or a transcript turn.</summary>
public sealed class Passage
{
    /// <summary>The longest section kept (headings in a row are joined); a longer one is cut at a word.</summary>
    public const int MaxSectionLength = 500;

    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public int Ordinal { get; set; }

    public int? Page { get; set; }

    public string? Paragraph { get; set; }

    public string? Question { get; set; }

    public string? Speaker { get; set; }

    public PassageRole Role { get; set; }

    /// <summary>The heading a transcript turn sits under ("Examination by Mr Keith"); null in written evidence.</summary>
    public string? Section { get; set; }

    /// <summary>The hearing's latest time stamp at the turn (<c>10.00 am</c>).</summary>
    public string? Time { get; set; }

    /// <summary>The printed margin line the passage starts on, on <see cref="Page"/>.</summary>
    public int? LineStart { get; set; }

    /// <summary>The printed margin line the passage ends on, where it ends on the page it starts on.</summary>
    public int? LineEnd { get; set; }

    /// <summary>The speaker's part at a hearing (<c>Chair</c>, <c>Counsel to the Inquiry</c>, <c>Witness</c>).</summary>
    public string? SpeakerRole { get; set; }

    public required string Text { get; set; }

    /// <summary>In a campaign member, a passage that is not the campaign's template: the sender's own words.</summary>
    public bool OwnWords { get; set; }
}
