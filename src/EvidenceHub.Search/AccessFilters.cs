using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// <see cref="SearchAccess"/> as index queries, applied inside this project so that no caller can forget
/// them: which passages a caller may see at all, and which passages' names a caller's query may match.
/// </summary>
internal static class AccessFilters
{
    /// <summary>The publication status the public may read (<c>Publication.Published</c> in Core).</summary>
    public const string Published = "published";

    /// <summary>Published passages, and every passage of the caller's own inquiries; null when nothing is hidden.</summary>
    public static Query? Visible(SearchAccess access) => AnyOf(access, new Term(PassageFields.Publication, Published));

    /// <summary>
    /// Each leaf of <paramref name="query"/> that reads a name field (<c>submitter:</c>, <c>organisation:</c>;
    /// term, phrase, prefix, wildcard or fuzzy) restricted to passages whose names the caller may read:
    /// named submissions, and anonymous ones in the caller's own inquiries. To everyone else an anonymous
    /// submission has no name, so neither <c>submitter:X</c> nor <c>-submitter:X</c> tells them it is X's.
    /// </summary>
    public static Query RestrictNames(Query query, SearchAccess access) =>
        AnyOf(access, new Term(PassageFields.Anonymous, "false")) is { } readable ? Restrict(query, readable) : query;

    private static Query Restrict(Query query, Query readable)
    {
        if (query is BooleanQuery boolean)
        {
            var restricted = new BooleanQuery(boolean.CoordDisabled)
            {
                Boost = boolean.Boost,
                MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch,
            };
            foreach (var clause in boolean.Clauses)
            {
                restricted.Add(Restrict(clause.Query, readable), clause.Occur);
            }

            return restricted;
        }

        return ReadsNames(query)
            ? new BooleanQuery { { query, Occur.MUST }, { new ConstantScoreQuery(readable) { Boost = 0f }, Occur.MUST } }
            : query;
    }

    private static bool ReadsNames(Query query) => Field(query) is PassageFields.SubmitterName or PassageFields.Organisation;

    /// <summary>The field a leaf of a parsed query reads. Fails loudly on a kind the parser did not build before, rather than let it past unchecked.</summary>
    private static string? Field(Query query) => query switch
    {
        TermQuery t => t.Term.Field,
        PhraseQuery p => p.GetTerms().FirstOrDefault()?.Field,
        MultiPhraseQuery mp => mp.GetTermArrays().SelectMany(a => a).FirstOrDefault()?.Field,
        MultiTermQuery m => m.Field,
        MatchAllDocsQuery => null,
        _ => throw new InvalidOperationException($"The access rules do not know the query kind {query.GetType().Name}; teach AccessFilters which field it reads."),
    };

    /// <summary>
    /// <paramref name="always"/> OR the caller's own inquiries, as one filter; null for an administrator.
    /// A caller works in a handful of inquiries, far below BooleanQuery's clause limit.
    /// </summary>
    private static Query? AnyOf(SearchAccess access, Term always)
    {
        if (access.FullInquiries is not { } inquiries)
        {
            return null;
        }

        var any = new BooleanQuery { { new TermQuery(always), Occur.SHOULD } };
        foreach (var inquiry in inquiries)
        {
            any.Add(new TermQuery(new Term(PassageFields.FacetField("inquiry"), inquiry)), Occur.SHOULD);
        }

        return any;
    }
}
