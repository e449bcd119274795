using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// Replaces each fuzzy term of a query with the terms it matches in the index, once per search.
/// Expanding a fuzzy term walks the term dictionary with a Levenshtein automaton; without this the
/// search and the highlighter each did it. The expanded query is what the searcher would rewrite the
/// fuzzy term to, so hits and scores are the same.
/// </summary>
internal static class FuzzyExpansion
{
    public static Query Expand(Query query, IndexReader reader) => query switch
    {
        FuzzyQuery fuzzy => fuzzy.Rewrite(reader),
        BooleanQuery boolean when ContainsFuzzy(boolean) => ExpandClauses(boolean, reader),
        _ => query,
    };

    private static BooleanQuery ExpandClauses(BooleanQuery boolean, IndexReader reader)
    {
        var expanded = new BooleanQuery(boolean.CoordDisabled)
        {
            Boost = boolean.Boost,
            MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch,
        };
        foreach (var clause in boolean.Clauses)
        {
            expanded.Add(Expand(clause.Query, reader), clause.Occur);
        }

        return expanded;
    }

    private static bool ContainsFuzzy(Query query) => query switch
    {
        FuzzyQuery => true,
        BooleanQuery boolean => boolean.Clauses.Any(c => ContainsFuzzy(c.Query)),
        _ => false,
    };
}
