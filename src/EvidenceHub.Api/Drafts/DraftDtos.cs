using EvidenceHub.Core.Drafts;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Api.Drafts;

public sealed record DraftLocationDto(string Reference, long PassageId, int? Page, string? Paragraph, string? Question, string? Speaker, string Citation);

public sealed record DraftItemDto(
    int Number,
    string Quote,
    string? Cited,
    string Status,
    DraftLocationDto? Location,
    string? Suggestion,
    string? Diff,
    string? Source,
    string? Named,
    string Explanation,
    int DraftParagraph);

/// <summary>The checker's report: the findings in document order, and counts by status.</summary>
public sealed record DraftCheckDto(int Paragraphs, int Quotations, int CitingFootnotes, IReadOnlyDictionary<string, int> Counts, long TookMs, IReadOnlyList<DraftItemDto> Items);

public static class DraftMapping
{
    public static DraftCheckDto AsDto(this DraftReport report) => new(
        report.Paragraphs,
        report.Quotations,
        report.CitingFootnotes,
        Enum.GetValues<DraftFindingStatus>().ToDictionary(s => s.ToCode(), s => report.Findings.Count(f => f.Status == s)),
        report.ElapsedMs,
        report.Findings.Select(AsDto).ToList());

    private static DraftItemDto AsDto(DraftFinding f) => new(
        f.Quotation.Number,
        f.Quotation.Text,
        f.Quotation.Cited,
        f.Status.ToCode(),
        f.Location is { } l ? new DraftLocationDto(l.Reference, l.PassageId, l.Page, l.Paragraph, l.Question, l.Speaker, l.Citation) : null,
        f.Suggestion,
        f.Diff,
        f.Source,
        f.Named,
        f.Explanation,
        f.Quotation.Paragraph + 1);
}
