using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;

namespace EvidenceHub.Api.Search;

public sealed record SearchResponse(
    int Total,
    int Page,
    int PageSize,
    long TookMs,
    IReadOnlyList<SearchHitDto> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    bool Indexing,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DidYouMeanDto? DidYouMean = null);

/// <summary>"Did you mean": the query respelt (<paramref name="Q"/>) and how many submissions it finds for the caller (<paramref name="Hits"/>).</summary>
public sealed record DidYouMeanDto(string Q, int Hits);

public sealed record SearchHitDto(
    string Reference,
    string Inquiry,
    string? Title,
    string SubmitterName,
    string? Organisation,
    string? Category,
    string Kind,
    DateOnly? ReceivedOn,
    string Publication,
    float Score,
    IReadOnlyList<PassageHitDto> Passages,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Explanation = null);

public sealed record PassageHitDto(
    long Id,
    int Ordinal,
    int? Page,
    string? Paragraph,
    string? Question,
    string? Speaker,
    string Snippet,
    string Citation,
    bool OwnWords,
    int? Line = null);

public static class SearchMapping
{
    public static SearchHitDto AsDto(this SubmissionHit hit, IReadOnlyDictionary<string, CitationStyle> styles)
    {
        Codes.TryParse<SubmissionKind>(hit.Kind, out var kind);
        return new SearchHitDto(
            hit.Reference,
            hit.Inquiry,
            hit.Title,
            hit.SubmitterName, // the searcher has already hidden an anonymous name from callers outside its inquiry
            hit.Organisation,
            hit.Category,
            hit.Kind,
            hit.ReceivedOn,
            hit.Publication,
            hit.Score,
            hit.Passages.Select(p => p.AsDto(hit.Reference, kind, hit.SubmitterName, hit.Organisation, hit.Anonymous, hit.ReceivedOn, styles.GetValueOrDefault(hit.Inquiry))).ToList(),
            hit.Explanation);
    }

    public static PassageHitDto AsDto(this PassageHit p, Submission s, CitationStyle style) =>
        p.AsDto(s.Reference, s.Kind, s.SubmitterName, s.Organisation, s.Anonymous, s.ReceivedOn, style);

    private static PassageHitDto AsDto(this PassageHit p, string reference, SubmissionKind kind, string submitter, string? organisation, bool anonymous,
        DateOnly? date, CitationStyle? style) =>
        new(p.PassageId, p.Ordinal, p.Page, p.Paragraph, p.Question, p.Speaker, p.Snippet,
            CitationFormatter.Cite(new CitationFormatter.Source(reference, kind, submitter, organisation, anonymous,
                p.Page, p.Paragraph, p.Question, p.Speaker, p.Line, date), style), p.OwnWords, p.Line);
}
