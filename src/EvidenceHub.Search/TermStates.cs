using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// Looks up every term of a query's <see cref="TermQuery"/> leaves in each segment once, with one terms
/// enumerator per segment and field walked in term order, and hands the states to the queries, so that
/// building the query's weight does not look them up again.
/// </summary>
/// <remarks>
/// Lucene's own look-up (<see cref="TermContext.Build"/>) opens a new terms enumerator, with its own copy
/// of the file and its read buffer, for every term in every segment: for a ten-word query of alternatives
/// (each word stemmed and exact, and in the title) over an index of a dozen segments, hundreds of them,
/// which was a quarter of a search on a small inquiry's index.
/// </remarks>
internal static class TermStates
{
    /// <summary>The query with each <see cref="TermQuery"/> carrying its terms' states in <paramref name="searcher"/>'s reader.</summary>
    public static Query Resolve(Query query, IndexSearcher searcher)
    {
        var terms = new HashSet<Term>();
        Collect(query, terms);
        if (terms.Count == 0)
        {
            return query;
        }

        var top = searcher.TopReaderContext;
        var states = terms.ToDictionary(t => t, _ => new TermContext(top));
        var byField = terms.GroupBy(t => t.Field).Select(g => (Field: g.Key, Terms: g.OrderBy(t => t.Bytes).ToList())).ToList();
        foreach (var leaf in top.Leaves)
        {
            var fields = leaf.AtomicReader.Fields;
            if (fields is null)
            {
                continue;
            }

            foreach (var (field, fieldTerms) in byField)
            {
                var enumerator = fields.GetTerms(field)?.GetEnumerator();
                if (enumerator is null)
                {
                    continue;
                }

                foreach (var term in fieldTerms)
                {
                    if (enumerator.SeekExact(term.Bytes))
                    {
                        states[term].Register(enumerator.GetTermState(), leaf.Ord, enumerator.DocFreq, enumerator.TotalTermFreq);
                    }
                }
            }
        }

        return With(query, states);
    }

    private static void Collect(Query query, HashSet<Term> terms)
    {
        switch (query)
        {
            case TermQuery t:
                terms.Add(t.Term);
                break;
            case BooleanQuery b:
                foreach (var clause in b.Clauses)
                {
                    Collect(clause.Query, terms);
                }

                break;
        }
    }

    private static Query With(Query query, Dictionary<Term, TermContext> states)
    {
        switch (query)
        {
            case TermQuery t:
                return new TermQuery(t.Term, states[t.Term]) { Boost = t.Boost };
            case BooleanQuery b:
                var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
                foreach (var clause in b.Clauses)
                {
                    copy.Add(With(clause.Query, states), clause.Occur);
                }

                return copy;
            default:
                return query;
        }
    }
}
