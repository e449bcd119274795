namespace EvidenceHub.Search;

public sealed record SearchResults(
    int Total,
    IReadOnlyList<SubmissionHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets)
{
    /// <summary>A better spelling of the query, when it found few submissions and the request asked (<see cref="SearchRequest.SuggestSpelling"/>).</summary>
    public SpellingSuggestion? DidYouMean { get; init; }
}

/// <summary>The query with its misspelt words replaced, and how many submissions it finds for the same caller under the same filters.</summary>
public sealed record SpellingSuggestion(string Query, int Total);

/// <summary>
/// A submission that matched, with its best passages in score order; <paramref name="Explanation"/> only
/// when the request asked why (<see cref="SearchRequest.Explain"/>).
/// </summary>
public sealed record SubmissionHit(
    long SubmissionId,
    string Reference,
    string Inquiry,
    string? Title,
    string SubmitterName,
    string? Organisation,
    string? Category,
    string Kind,
    bool Anonymous,
    DateOnly? ReceivedOn,
    string Publication,
    float Score,
    IReadOnlyList<PassageHit> Passages,
    string? Explanation = null);

/// <summary>A matching passage: its location and a snippet whose source text is HTML-escaped with &lt;mark&gt; around matches.</summary>
public sealed record PassageHit(
    long PassageId,
    int Ordinal,
    int? Page,
    string? Paragraph,
    string? Question,
    string? Speaker,
    string Snippet,
    float Score,
    int? Line = null)
{
    /// <summary>A campaign member's own words, not the template's.</summary>
    public bool OwnWords { get; init; }
}

/// <summary>How many distinct submissions carry a facet value.</summary>
public sealed record FacetCount(string Value, int Count);
