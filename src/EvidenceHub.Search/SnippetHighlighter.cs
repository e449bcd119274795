using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace EvidenceHub.Search;

/// <summary>
/// Snippets of passage text with &lt;mark&gt; around what matched and the source text HTML-escaped.
/// The query's text terms (stemmed and exact) are moved onto one highlighting field whose analyzer
/// emits both forms of each word at the same position, so phrases, stems, prefixes and fuzzy terms
/// all light up with Lucene.Net.Highlighter's plain <see cref="Highlighter"/>.
/// </summary>
public sealed class SnippetHighlighter
{
    private const int FragmentSize = 220;
    private readonly Analyzer analyzer = EvidenceAnalyzers.Create();
    private readonly Highlighter? highlighter;
    private readonly IndexReader? reader;

    /// <param name="query">The user's query.</param>
    /// <param name="reader">
    /// The index searched: fuzzy terms are expanded against it once, to the terms they matched, instead of
    /// the highlighter building a Levenshtein automaton for every snippet (hundreds of ms per search).
    /// </param>
    public SnippetHighlighter(Query? query, IndexReader? reader = null)
    {
        this.reader = reader;
        if (query is not null && ToHighlightQuery(query) is { } highlightQuery)
        {
            var scorer = new QueryScorer(highlightQuery, EvidenceAnalyzers.HighlightField);
            highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
            };
        }
    }

    public string Snippet(string text)
    {
        if (highlighter is not null)
        {
            using var tokens = analyzer.GetTokenStream(EvidenceAnalyzers.HighlightField, text);
            var fragments = highlighter.GetBestFragments(tokens, text, 2, " … ");
            if (!string.IsNullOrEmpty(fragments))
            {
                return fragments;
            }
        }

        return WebUtility.HtmlEncode(text.Length <= FragmentSize ? text : text[..FragmentSize] + "…");
    }

    /// <summary>Full passage text with every match marked (search within one submission).</summary>
    public string MarkAll(string text)
    {
        if (highlighter is null)
        {
            return WebUtility.HtmlEncode(text);
        }

        var fragmenter = highlighter.TextFragmenter;
        highlighter.TextFragmenter = new NullFragmenter();
        try
        {
            using var tokens = analyzer.GetTokenStream(EvidenceAnalyzers.HighlightField, text);
            var marked = highlighter.GetBestFragment(tokens, text);
            return string.IsNullOrEmpty(marked) ? WebUtility.HtmlEncode(text) : marked;
        }
        finally
        {
            highlighter.TextFragmenter = fragmenter;
        }
    }

    private Query? ToHighlightQuery(Query query)
    {
        switch (query)
        {
            case TermQuery t when IsText(t.Term.Field):
                return new TermQuery(Move(t.Term));
            case PhraseQuery p when p.GetTerms().Length > 0 && IsText(p.GetTerms()[0].Field):
                var phrase = new PhraseQuery { Slop = p.Slop };
                var terms = p.GetTerms();
                var positions = p.GetPositions();
                for (var i = 0; i < terms.Length; i++)
                {
                    phrase.Add(Move(terms[i]), positions[i]);
                }

                return phrase;
            case PrefixQuery p when IsText(p.Prefix.Field):
                return new PrefixQuery(Move(p.Prefix));
            case WildcardQuery w when IsText(w.Term.Field):
                return new WildcardQuery(Move(w.Term));
            case FuzzyQuery f when IsText(f.Term.Field) && reader is not null:
                return f.Rewrite(reader) is BooleanQuery { Clauses.Count: > 0 } expanded ? ToHighlightQuery(expanded) : null;
            case FuzzyQuery f when IsText(f.Term.Field):
                return new FuzzyQuery(Move(f.Term), f.MaxEdits, f.PrefixLength);
            case BooleanQuery b:
                var result = new BooleanQuery();
                foreach (var clause in b.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    if (ToHighlightQuery(clause.Query) is { } moved)
                    {
                        result.Add(moved, Occur.SHOULD);
                    }
                }

                return result.Clauses.Count > 0 ? result : null;
            default:
                return null;
        }
    }

    private static bool IsText(string field) => field is PassageFields.Text or PassageFields.TextExact;

    private static Term Move(Term term) => new(EvidenceAnalyzers.HighlightField, term.Text);
}
