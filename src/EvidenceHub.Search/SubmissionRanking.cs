using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// How a submission is ranked from its passages (the README's "How hits are ranked"; measured with
/// <c>scripts/bench.sh</c>'s relevance tables against a plain BM25 index of whole documents): each passage
/// scores BM25 over its text, plus half the BM25 of its submission's title for the query's words (the
/// title raises a passage that matched; it matches nothing by itself); stop words in a query of
/// alternatives weigh nothing; and a submission scores its best passage plus 0.2 of its second and
/// 0.04 of its third, so that a submission that makes the point more than once comes before one that
/// mentions it once, without a long document's many weak passages outweighing a strong one.
/// </summary>
public static class SubmissionRanking
{
    /// <summary>The weight of the title field's match beside a passage's text.</summary>
    public const float TitleBoost = 0.5f;

    /// <summary>Each further passage of a submission counts this much of the one before it.</summary>
    public const float Decay = 0.2f;

    /// <summary>How many of a submission's best passages its score adds up.</summary>
    public const int CombinedPassages = 3;

    /// <summary>
    /// The query that ranks: the user's query with stop words weighed down, and the title as an optional
    /// clause — a title match raises a passage that matched, but matches nothing by itself.
    /// </summary>
    public static Query Ranked(Query query)
    {
        var reweighted = WithoutStopWordWeight(query);
        var titleTerms = new List<Term>();
        CollectTextTerms(query, titleTerms);
        if (titleTerms.Count == 0)
        {
            return reweighted;
        }

        var title = new BooleanQuery(disableCoord: true) { Boost = TitleBoost };
        foreach (var term in titleTerms.Distinct())
        {
            title.Add(new TermQuery(new Term(PassageFields.TitleText, term.Text)), Occur.SHOULD);
        }

        return new BooleanQuery(disableCoord: true) { { reweighted, Occur.MUST }, { title, Occur.SHOULD } };
    }

    /// <summary>
    /// In a query of alternatives (<c>a OR b OR c</c>) with other words, a stop word still matches but
    /// weighs nothing: "the" in a pasted question should not decide the order (nor be marked in snippets).
    /// </summary>
    internal static Query WithoutStopWordWeight(Query query)
    {
        if (query is not BooleanQuery boolean || boolean.Clauses.Any(c => c.Occur != Occur.SHOULD))
        {
            return query;
        }

        bool IsStop(BooleanClause c) => c.Query is TermQuery t && t.Term.Field == PassageFields.Text && EnglishAnalyzer.DefaultStopSet.Contains(t.Term.Text);
        if (boolean.Clauses.All(IsStop))
        {
            return query;
        }

        var result = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses)
        {
            var q = clause.Query;
            if (IsStop(clause))
            {
                q = new TermQuery(((TermQuery)q).Term) { Boost = 0f };
            }

            result.Add(q, clause.Occur);
        }

        return result;
    }

    private static void CollectTextTerms(Query query, List<Term> terms)
    {
        switch (query)
        {
            case TermQuery t when t.Term.Field == PassageFields.Text:
                terms.Add(t.Term);
                break;
            case BooleanQuery b:
                foreach (var c in b.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    CollectTextTerms(c.Query, terms);
                }

                break;
        }
    }
}
