using Lucene.Net.Documents;
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

    private int running;

    public SearchResults Search(SearchRequest request)
    {
        var userQuery = string.IsNullOrWhiteSpace(request.Query) ? null : EvidenceQueryParser.ParseQuery(request.Query);
        return index.Search(searcher => Run(searcher, userQuery, request));
    }

    /// <summary>
    /// Submissions like one submission: a MoreLikeThis query over the text of all its passages, run as
    /// a search (same visibility, grouping and hits) that leaves the submission itself out.
    /// </summary>
    public SearchResults Similar(long submissionId, SearchRequest request) => index.Search(searcher =>
    {
        var own = new TermQuery(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(submissionId)));
        TopDocs passages = null!;
        Execute(() => passages = searcher.Search(own, MaxSimilarSourcePassages));
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

    private SearchResults Run(IndexSearcher searcher, Query? userQuery, SearchRequest request)
    {
        if (userQuery is not null)
        {
            var parsed = userQuery;
            Execute(() => userQuery = FuzzyExpansion.Expand(parsed, searcher.IndexReader));
        }

        var query = WithHardFilters(userQuery ?? new MatchAllDocsQuery(), request);
        Weight weight = null!;
        Execute(() => weight = searcher.CreateNormalizedWeight(query));
        // Parallel slices only while no other search is running: under load every core is already busy with
        // a search of its own, and slicing would only add the cost of merging.
        var alone = Interlocked.Increment(ref running) == 1;
        List<SubmissionCollector> collectors = [];
        try
        {
            var slices = IndexSlices.Split(searcher.IndexReader.Leaves, alone ? MaxSlices : 1, MinPassagesPerSlice);
            collectors = slices.Select(_ => new SubmissionCollector(new FacetFilters(request.Filters), request.PassagesPerHit)).ToList();
            Collect(weight, slices, collectors);
            var sort = userQuery is null && request.Sort == SearchSort.Relevance ? SearchSort.Reference : request.Sort;
            var page = GroupOrder.Page(collectors.Select(c => c.Groups).ToList(), sort, (request.Page - 1) * request.PageSize, request.PageSize);
            var highlighter = new SnippetHighlighter(userQuery, searcher.IndexReader);
            var hits = page.Select(group => ToHit(searcher, group, highlighter)).ToList();
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
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>One submission's passages that match, in reading order, with every match marked.</summary>
    public IReadOnlyList<PassageHit> SearchWithin(long submissionId, string queryText, IReadOnlySet<string>? visiblePublications)
    {
        var parsed = EvidenceQueryParser.ParseQuery(queryText);
        return index.Search(searcher =>
        {
            var userQuery = FuzzyExpansion.Expand(parsed, searcher.IndexReader);
            var query = WithHardFilters(userQuery, new SearchRequest { SubmissionId = submissionId, VisiblePublications = visiblePublications });
            TopDocs top = null!;
            Execute(() => top = searcher.Search(query, 10_000));
            var highlighter = new SnippetHighlighter(userQuery, searcher.IndexReader);
            return top.ScoreDocs
                .Select(sd => ToPassageHit(searcher.Doc(sd.Doc), sd.Score, highlighter, markAll: true))
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

    private static Query WithHardFilters(Query query, SearchRequest request)
    {
        var filters = new BooleanQuery();
        if (request.VisiblePublications is { } visible)
        {
            var any = new BooleanQuery();
            foreach (var publication in visible)
            {
                any.Add(new TermQuery(new Term(PassageFields.Publication, publication)), Occur.SHOULD);
            }

            filters.Add(any, Occur.MUST);
        }

        if (request.From is not null || request.To is not null)
        {
            filters.Add(NumericRangeQuery.NewInt32Range(PassageFields.ReceivedOn,
                request.From?.DayNumber ?? 1, request.To?.DayNumber ?? int.MaxValue, true, true), Occur.MUST);
        }

        if (request.SubmissionId is { } id)
        {
            filters.Add(new TermQuery(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(id))), Occur.MUST);
        }

        if (filters.Clauses.Count == 0)
        {
            return query;
        }

        return new BooleanQuery
        {
            { query, Occur.MUST },
            { new ConstantScoreQuery(filters) { Boost = 0f }, Occur.MUST },
        };
    }

    private static SubmissionHit ToHit(IndexSearcher searcher, SubmissionGroup group, SnippetHighlighter highlighter)
    {
        var docs = group.Best.Select(b => (Doc: searcher.Doc(b.Doc), b.Score)).ToList();
        var first = docs[0].Doc;
        var received = first.GetField(PassageFields.ReceivedOn)?.GetInt32Value() ?? 0;
        return new SubmissionHit(
            group.SubmissionId,
            group.Reference,
            first.Get(PassageFields.Inquiry),
            first.Get(PassageFields.Title),
            first.Get(PassageFields.SubmitterName),
            first.Get(PassageFields.Organisation),
            first.Get(PassageFields.Category),
            first.Get(PassageFields.Kind),
            first.Get(PassageFields.Anonymous) == "true",
            received > 0 ? DateOnly.FromDayNumber(received) : null,
            first.Get(PassageFields.Publication),
            group.Score,
            docs.Select(d => ToPassageHit(d.Doc, d.Score, highlighter, markAll: false)).ToList());
    }

    private static PassageHit ToPassageHit(Document doc, float score, SnippetHighlighter highlighter, bool markAll)
    {
        var text = doc.Get(PassageFields.Text);
        return new PassageHit(
            long.Parse(doc.Get(PassageFields.PassageId), System.Globalization.CultureInfo.InvariantCulture),
            doc.GetField(PassageFields.Ordinal)?.GetInt32Value() ?? 0,
            doc.GetField(PassageFields.Page)?.GetInt32Value(),
            doc.Get(PassageFields.Paragraph),
            doc.Get(PassageFields.Question),
            doc.Get(PassageFields.Speaker),
            markAll ? highlighter.MarkAll(text) : highlighter.Snippet(text),
            score);
    }
}
