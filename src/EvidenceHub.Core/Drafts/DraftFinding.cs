namespace EvidenceHub.Core.Drafts;

/// <summary>What the checker found of one quotation in a draft.</summary>
public enum DraftFindingStatus
{
    /// <summary>Word for word in the evidence, at the place the draft cites (or the draft cites no place).</summary>
    Verbatim,

    /// <summary>Word for word in the evidence, but not where the draft cites it: the right citation is suggested.</summary>
    WrongLocation,

    /// <summary>Not word for word: the closest passage and a word diff.</summary>
    NotVerbatim,

    /// <summary>Nothing in the inquiry's evidence comes close.</summary>
    NotFound,

    /// <summary>The words come from evidence that is not published, so a report may not quote it yet.</summary>
    UnpublishedSource,

    /// <summary>The quotation's sentence or footnote names a submitter who asked to be anonymous.</summary>
    NamesAnonymous,
}

/// <summary>A passage of the evidence a finding points at, with its citation in the inquiry's style.</summary>
public sealed record EvidenceLocation(string Reference, long PassageId, int? Page, string? Paragraph, string? Question, string? Speaker, string Citation);

/// <summary>
/// One finding, in document order: the quotation, the citation the draft gave (footnote or bracket), the
/// status, where the words really are, the footnote to use instead (for anything but verbatim), and for
/// a changed quotation the passage's words and a word diff.
/// </summary>
public sealed record DraftFinding(
    DraftQuotation Quotation,
    DraftFindingStatus Status,
    EvidenceLocation? Location,
    string? Suggestion,
    string? Diff,
    string? Source,
    string? Named,
    string Explanation);

public sealed record DraftReport(int Paragraphs, int Quotations, int CitingFootnotes, IReadOnlyList<DraftFinding> Findings, long ElapsedMs);
