using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Api.Submissions;

public sealed record SubmissionDto(
    string Reference,
    string Inquiry,
    string Kind,
    string? Title,
    string SubmitterName,
    string? Organisation,
    string? Category,
    bool Anonymous,
    DateOnly? ReceivedOn,
    string Publication,
    string Status,
    string? FailureReason,
    string? FailureKind,
    int? PageCount,
    int PassageCount,
    string Sha256,
    string FileName,
    string ContentType,
    IReadOnlyList<string> Themes,
    double? WordCoverage = null,
    string? Warning = null)
{
    /// <summary>The campaign the submission is a copy in; null for an individual response.</summary>
    public Campaigns.CampaignRefDto? Campaign { get; init; }
}

/// <summary>
/// A passage; <paramref name="OwnWords"/>: in a campaign member, a passage that is not the template's (the
/// sender's own words); for a hearing's turn also its <paramref name="Section"/> (the heading it sits under),
/// <paramref name="Time"/> (the latest time stamp), printed lines and the speaker's role, and
/// <paramref name="Location"/> in words (<c>page 45, lines 3–18</c>).
/// </summary>
public sealed record PassageDto(
    long Id,
    int Ordinal,
    int? Page,
    string? Paragraph,
    string? Question,
    string? Speaker,
    string Text,
    bool OwnWords,
    string? Section = null,
    string? Time = null,
    int? LineStart = null,
    int? LineEnd = null,
    string? SpeakerRole = null,
    string? Location = null);

public sealed record SubmissionPage(int Total, int Page, int PageSize, IReadOnlyList<SubmissionDto> Items);

public static class SubmissionMapping
{
    /// <summary>
    /// The record as this caller may read it: an anonymous submitter's name and organisation only for the
    /// inquiry's staff, and the uploaded file's own name (which often names its author) likewise; anyone
    /// else sees "Anonymous" and a file named after the reference.
    /// </summary>
    public static SubmissionDto AsDto(this Submission s, string inquiryPrefix, Access.Caller caller, IReadOnlyList<string>? themes = null)
    {
        var dto = s.AsDto(inquiryPrefix, themes);
        if (!caller.SeesNameOf(s))
        {
            dto = dto with { SubmitterName = Anonymous, Organisation = null };
        }

        return caller.Reads(s.InquiryId) ? dto : dto with { FileName = PublicFileName(s.Reference, s.DocumentType) };
    }

    public const string Anonymous = "Anonymous";

    /// <summary>The name a public download carries: the reference and the type's extension (<c>LBN0012.pdf</c>).</summary>
    public static string PublicFileName(string reference, EvidenceHub.Extraction.DocumentType type) => reference + ContentTypes.Extension(type);

    public static SubmissionDto AsDto(this Submission s, string inquiryPrefix, IReadOnlyList<string>? themes = null) => new(
        s.Reference,
        inquiryPrefix,
        s.Kind.ToCode(),
        s.Title,
        s.SubmitterName,
        s.Organisation,
        s.Category?.ToCode(),
        s.Anonymous,
        s.ReceivedOn,
        s.Publication.ToCode(),
        s.Status.ToCode(),
        s.FailureReason,
        s.FailureKind?.ToCode(),
        s.PageCount,
        s.PassageCount,
        s.Sha256,
        s.FileName,
        ContentTypes.Of(s.DocumentType),
        themes ?? [],
        s.WordCoverage is { } coverage ? Math.Round(coverage, 4) : null,
        s.ExtractionWarning);

    public static PassageDto AsDto(this Passage p) => new(p.Id, p.Ordinal, p.Page, p.Paragraph, p.Question, p.Speaker, p.Text, p.OwnWords,
        p.Section, p.Time, p.LineStart, p.LineEnd, p.SpeakerRole, PassageLocation.Describe(p.Page, p.LineStart, p.LineEnd));
}
