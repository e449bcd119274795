using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// How a submission is ranked from its passages (the README's "How hits are ranked"; measured with
/// <c>scripts/bench.sh</c>'s relevance tables against a plain BM25 index of whole documents): each passage
/// scores BM25 over its text (<see cref="PassageSimilarity"/>: a passage shorter than average counts as
/// average, so a heading or a one-line answer does not outscore a paragraph), plus half the BM25 of its
/// submission's title for the query's words (the title raises a passage that matched; it matches nothing
/// by itself); in a query of alternatives, stop words (<see cref="StopWords"/>) weigh nothing, in the
/// text and in the title; and a submission scores its best passage plus 0.2 of its second and 0.04 of
/// its third, so that a submission that makes the point more than once comes before one that mentions
/// it once, without a long document's many weak passages outweighing a strong one.
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

        if (!ReferenceEquals(reweighted, query))
        {
            titleTerms.RemoveAll(t => StopWords.Contains(t.Text)); // alternatives with other words: stop words weigh nothing in the title either
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

        static bool IsStop(BooleanClause c) => c.Query is TermQuery t && t.Term.Field == PassageFields.Text && StopWords.Contains(t.Term.Text);
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

    /// <summary>
    /// The function words of English (the Snowball project's list of 174: "what", "which", "about",
    /// "how", "there", "have"…), as the text field indexes them (stemmed: "this" is "thi", "was" is "wa").
    /// A question pasted as alternatives is mostly these; in a small collection they are rare enough
    /// for their IDF to count, so they ranked by the way a document was phrased, not by what it is about.
    /// </summary>
    public static IReadOnlySet<string> StopWords { get; } = LoadStopWords();

    private static HashSet<string> LoadStopWords()
    {
        CharArraySet words;
        using (var list = IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", System.Text.Encoding.UTF8))
        {
            words = WordlistLoader.GetSnowballWordSet(list, PassageFields.Version);
        }

        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            using var stream = EvidenceAnalyzers.Shared.GetTokenStream(PassageFields.Text, word.ToString()!);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                stems.Add(term.ToString());
            }

            stream.End();
        }

        return stems;
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
