using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>Runs the search language over the passage index and answers in submissions.</summary>
public sealed class EvidenceSearcher(PassageIndex index)
{
    /// <summary>
    /// The fewest passages worth a slice of their own: a search over a larger index is collected in
    /// parallel, in up to one slice per core (<see cref="IndexSlices"/>), when no other search is running.
    /// </summary>
    public int MinPassagesPerSlice { get; init; } = 50_000;

    /// <summary>The most slices one search is collected in: one per core.</summary>
    public int MaxSlices { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How long one search may collect before it is stopped with a <see cref="SearchTooBroadException"/>
    /// (a 400 saying to narrow it), so that one runaway query cannot hold a core for everyone else.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock <see cref="TimeBudget"/> is measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    private int running;

    public SearchResults Search(SearchRequest request)
    {
        var userQuery = string.IsNullOrWhiteSpace(request.Query) ? null : EvidenceQueryParser.ParseQuery(request.Query, request.Access);
        return index.Search(searcher =>
        {
            var results = Run(searcher, userQuery, request);
            return request.SuggestSpelling && userQuery is not null && results.Total < SpellingSuggester.FewSubmissions
                ? results with { DidYouMean = Suggest(searcher, request, results.Total) }
                : results;
        });
    }

    /// <summary>
    /// The query respelt (<see cref="SpellingSuggester"/>), if it finds more submissions than
    /// <paramref name="total"/>, counted for the same caller under the same filters as the search itself:
    /// a word only hidden evidence holds finds nothing, so it is never offered.
    /// </summary>
    private SpellingSuggestion? Suggest(IndexSearcher searcher, SearchRequest request, int total)
    {
        if (new SpellingSuggester(searcher, request).Correct(request.Query!) is not { } respelt)
        {
            return null;
        }

        int found;
        try
        {
            found = Matching(searcher, EvidenceQueryParser.ParseQuery(respelt, request.Access), request).Count;
        }
        catch (SearchQueryException)
        {
            // Only words were changed, so a refusal (or running past the time budget) is not expected; the
            // search itself has answered, and a suggestion that cannot be run is no suggestion.
            return null;
        }

        return found > total ? new SpellingSuggestion(respelt, found) : null;
    }

    /// <summary>
    /// Submissions like one submission: a MoreLikeThis query over the text of all its passages, run as
    /// a search (same visibility, grouping and hits) that leaves the submission itself out. A submission
    /// the caller may not see has nothing to be like: its words would show through in what is alike.
    /// </summary>
    public SearchResults Similar(long submissionId, SearchRequest request) => index.Search(searcher =>
    {
        var own = new TermQuery(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(submissionId)));
        var source = HardFilters.Apply(own, new SearchRequest { Access = request.Access });
        TopDocs passages = null!;
        Execute(() => passages = searcher.Search(source, MaxSimilarSourcePassages));
        var text = string.Join("\n\n", passages.ScoreDocs.Select(sd => searcher.Doc(sd.Doc).Get(PassageFields.Text)));
        if (text.Length == 0)
        {
            return new SearchResults(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>());
        }

        var like = SimilarQueries.Like(searcher.IndexReader, text);
        if (like is not BooleanQuery { Clauses.Count: > 0 })
        {
            return new SearchResults(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>());
        }

        var query = new BooleanQuery { { like, Occur.MUST }, { own, Occur.MUST_NOT } };
        return Run(searcher, query, request with { Sort = SearchSort.Relevance });
    });

    private const int MaxSimilarSourcePassages = 2_000;

    /// <summary>
    /// Every submission the search matches (under the same filters and visibility as <see cref="Search"/>, so its
    /// count is the search's total), for numbers made by combining searches: themes carried together, balance.
    /// </summary>
    public IReadOnlySet<long> SubmissionIds(SearchRequest request)
    {
        var userQuery = string.IsNullOrWhiteSpace(request.Query) ? null : EvidenceQueryParser.ParseQuery(request.Query, request.Access);
        return index.Search(searcher => (IReadOnlySet<long>)Matching(searcher, userQuery, request));
    }

    private HashSet<long> Matching(IndexSearcher searcher, Query? userQuery, SearchRequest request)
    {
        var deadline = new SearchDeadline(Clock, TimeBudget);
        if (userQuery is not null)
        {
            var parsed = userQuery;
            Execute(() => userQuery = FuzzyExpansion.Expand(parsed, searcher.IndexReader));
        }

        Weight weight = null!;
        Execute(() => weight = searcher.CreateNormalizedWeight(TermStates.Resolve(HardFilters.Apply(userQuery ?? new MatchAllDocsQuery(), request), searcher)));
        using var collector = new SubmissionCollector(new FacetFilters(request.Filters), 0, deadline);
        foreach (var range in IndexSlices.Split(searcher.IndexReader.Leaves, 1, int.MaxValue).SelectMany(slice => slice))
        {
            collector.Collect(weight, range.Leaf, range.From, range.To);
        }

        var ids = new HashSet<long>(collector.Groups.Count);
        for (var i = 0; i < collector.Groups.Count; i++)
        {
            ids.Add(collector.Groups.SubmissionId(i));
        }

        return ids;
    }

    private SearchResults Run(IndexSearcher searcher, Query? userQuery, SearchRequest request)
    {
        var deadline = new SearchDeadline(Clock, TimeBudget);
        if (userQuery is not null)
        {
            var parsed = userQuery;
            Execute(() => userQuery = FuzzyExpansion.Expand(parsed, searcher.IndexReader));
        }

        var query = HardFilters.Apply(userQuery is null ? new MatchAllDocsQuery() : SubmissionRanking.Ranked(userQuery), request);
        Weight weight = null!;
        Execute(() => weight = searcher.CreateNormalizedWeight(TermStates.Resolve(query, searcher)));
        // Parallel slices only while no other search is running: under load every core is already busy with
        // a search of its own, and slicing would only add the cost of merging.
        var alone = Interlocked.Increment(ref running) == 1;
        List<SubmissionCollector> collectors = [];
        try
        {
            var slices = IndexSlices.Split(searcher.IndexReader.Leaves, alone ? MaxSlices : 1, MinPassagesPerSlice);
            // An explanation names every passage the score adds up (SubmissionRanking.CombinedPassages), so it needs them
            // collected even when fewer are shown.
            var passagesPerHit = request.Explain && userQuery is not null
                ? Math.Max(request.PassagesPerHit, SubmissionRanking.CombinedPassages)
                : request.PassagesPerHit;
            collectors = slices.Select(_ => new SubmissionCollector(new FacetFilters(request.Filters), passagesPerHit, deadline)).ToList();
            Collect(weight, slices, collectors);
            var sort = userQuery is null && request.Sort == SearchSort.Relevance ? SearchSort.Reference : request.Sort;
            var page = GroupOrder.Page(collectors.Select(c => c.Groups).ToList(), sort, (request.Page - 1) * request.PageSize, request.PageSize);
            var highlighter = new SnippetHighlighter(userQuery is null ? null : SubmissionRanking.WithoutStopWordWeight(userQuery), searcher.IndexReader);
            var hits = page.Select(group => HitReader.ToHit(searcher, group, highlighter, request.Access))
                .Select(hit => request.Explain && userQuery is not null
                    ? hit with { Explanation = HitExplanation.Of(searcher, query, hit), Passages = hit.Passages.Take(request.PassagesPerHit).ToList() }
                    : hit)
                .ToList();
            return new SearchResults(collectors.Sum(c => c.Groups.Count), hits, SubmissionCollector.FacetCounts(collectors, request.FacetLimit));
        }
        finally
        {
            Interlocked.Decrement(ref running);
            collectors.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// Collects the slices in parallel. The calling thread takes part, so when the thread pool is busy
    /// (a server under load) it collects every slice itself rather than waiting for a free thread.
    /// </summary>
    private static void Collect(Weight weight, List<List<SegmentRange>> slices, List<SubmissionCollector> collectors)
    {
        void CollectSlice(int i)
        {
            foreach (var range in slices[i])
            {
                collectors[i].Collect(weight, range.Leaf, range.From, range.To);
            }
        }

        if (slices.Count == 1)
        {
            CollectSlice(0);
            return;
        }

        try
        {
            Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = slices.Count }, CollectSlice);
        }
        catch (AggregateException ex)
        {
            // Past the time budget every slice stops with the same exception; the first one says it all.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>One submission's passages that match, in reading order, with every match marked.</summary>
    public IReadOnlyList<PassageHit> SearchWithin(long submissionId, string queryText, SearchAccess access)
    {
        var parsed = EvidenceQueryParser.ParseQuery(queryText, access);
        return index.Search(searcher =>
        {
            var userQuery = FuzzyExpansion.Expand(parsed, searcher.IndexReader);
            var query = HardFilters.Apply(userQuery, new SearchRequest { SubmissionId = submissionId, Access = access });
            TopDocs top = null!;
            Execute(() => top = searcher.Search(query, 10_000));
            var highlighter = new SnippetHighlighter(userQuery, searcher.IndexReader);
            return top.ScoreDocs
                .Select(sd => HitReader.ToPassageHit(searcher.Doc(sd.Doc), sd.Score, highlighter, markAll: true))
                .OrderBy(p => p.Ordinal)
                .ToList();
        });
    }

    private static void Execute(Action search)
    {
        try
        {
            search();
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new SearchQueryException(
                $"The query expands to too many terms (the limit is {BooleanQuery.MaxClauseCount}); make a prefix or fuzzy term more specific.", ex);
        }
    }
}
