namespace EvidenceHub.Search;

public enum SearchSort
{
    Relevance,
    Date,
    DateDescending,
    Reference,
}

/// <summary>
/// A search: the query text, facet filters (OR within a facet, AND across facets), the received-date
/// range, and what the caller may read (<see cref="Access"/>).
/// </summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }

    /// <summary>Facet name → accepted values. Facet names are those of <see cref="PassageFields.Facets"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>What the caller may read; the public view unless the caller says otherwise, so code that forgets leaks nothing.</summary>
    public SearchAccess Access { get; init; } = SearchAccess.PublicOnly;

    /// <summary>Only passages that are a campaign member's own words (not the template's).</summary>
    public bool OwnWordsOnly { get; init; }

    /// <summary>Only this submission's passages (search within one submission).</summary>
    public long? SubmissionId { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public int PassagesPerHit { get; init; } = 3;

    /// <summary>
    /// Whether each hit says why it scored what it did: Lucene's explanation of its best passages and how
    /// they were combined (<see cref="SubmissionRanking"/>). It costs an explanation per passage shown.
    /// </summary>
    public bool Explain { get; init; }

    /// <summary>
    /// Whether a query that finds fewer than <see cref="SpellingSuggester.FewSubmissions"/> submissions is
    /// offered a better spelling (<see cref="SearchResults.DidYouMean"/>). It costs a walk of the term
    /// dictionary per word, only when the hits are few.
    /// </summary>
    public bool SuggestSpelling { get; init; }

    /// <summary>How many values each facet returns, most frequent first.</summary>
    public int FacetLimit { get; init; } = 10;
}
