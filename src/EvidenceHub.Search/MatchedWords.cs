using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace EvidenceHub.Search;

/// <summary>
/// The words of a matched passage that a rule's text terms matched — what <see cref="SnippetHighlighter"/>
/// would mark — read from the passage's own in-memory index: each positive text leaf of the query as a
/// span query, its spans' positions mapped to the words' offsets. The highlighter did the same by building
/// another index of the passage for every phrase it marked, three quarters of a rule's cost.
/// </summary>
internal static class MatchedWords
{
    /// <summary>Distinct, lower-cased, in order of appearance; marks separated only by spaces are one phrase.</summary>
    public static IReadOnlyList<string> Of(Query query, IndexReader passage, string text, Analyzer analyzer)
    {
        var leaves = new List<SpanQuery>();
        Collect(query, leaves);
        var context = passage.Leaves[0];
        var termContexts = new Dictionary<Term, TermContext>();
        var tokens = new Dictionary<string, List<Word>>(StringComparer.Ordinal);
        var marked = new SortedSet<(int Start, int End)>();
        foreach (var leaf in leaves)
        {
            var rewritten = (SpanQuery)leaf.Rewrite(passage);
            var terms = new HashSet<Term>();
            rewritten.ExtractTerms(terms);
            var spans = rewritten.GetSpans(context, null, termContexts);
            while (spans.MoveNext())
            {
                if (!tokens.TryGetValue(leaf.Field, out var words))
                {
                    tokens[leaf.Field] = words = Words(analyzer, leaf.Field, text);
                }

                // Within a span, only the query's own words are marked ("bus town"~2 marks bus and town in "bus to town").
                for (var position = spans.Start; position < spans.End && position < words.Count; position++)
                {
                    if (terms.Contains(new Term(leaf.Field, words[position].Term)))
                    {
                        marked.Add((words[position].Start, words[position].End));
                    }
                }
            }
        }

        return Phrases(marked, text);
    }

    private static List<string> Phrases(SortedSet<(int Start, int End)> marked, string text)
    {
        var phrases = new List<string>();
        var (start, end) = (-1, -1);
        foreach (var word in marked)
        {
            if (start >= 0 && (word.Start < end || string.IsNullOrWhiteSpace(text[end..word.Start])))
            {
                end = Math.Max(end, word.End);
                continue;
            }

            Add(phrases, text, start, end);
            (start, end) = word;
        }

        Add(phrases, text, start, end);
        return phrases;
    }

    private static void Add(List<string> phrases, string text, int start, int end)
    {
        var phrase = start < 0 ? string.Empty : text[start..end].Trim().ToLowerInvariant();
        if (phrase.Length > 0 && !phrases.Contains(phrase, StringComparer.Ordinal))
        {
            phrases.Add(phrase);
        }
    }

    /// <summary>Each position's term and offsets in the text, as the field's analyzer (the index's) counts positions.</summary>
    private static List<Word> Words(Analyzer analyzer, string field, string text)
    {
        var words = new List<Word>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            for (var i = 1; i < increment.PositionIncrement; i++)
            {
                words.Add(new Word(string.Empty, offset.StartOffset, offset.StartOffset)); // a gap: nothing to mark
            }

            if (increment.PositionIncrement > 0)
            {
                words.Add(new Word(term.ToString(), offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return words;
    }

    /// <summary>The query's text leaves outside any NOT, as span queries (as the highlighter's span extraction builds them).</summary>
    private static void Collect(Query query, List<SpanQuery> leaves)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query, leaves);
                }

                break;
            case TermQuery term when IsText(term.Term.Field):
                leaves.Add(new SpanTermQuery(term.Term));
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && IsText(terms[0].Field):
                var positions = phrase.GetPositions();
                var widest = positions.Zip(positions.Skip(1), (a, b) => b - a).DefaultIfEmpty(1).Max();
                var slop = phrase.Slop + (widest > 1 ? widest : 0);
                leaves.Add(new SpanNearQuery(terms.Select(t => (SpanQuery)new SpanTermQuery(t)).ToArray(), slop, slop == 0));
                break;
            case MultiTermQuery multi when IsText(multi.Field):
                // A copy: the wrapper sets its own rewrite method on the query it wraps, and rules are shared.
                leaves.Add(new SpanMultiTermQueryWrapper<MultiTermQuery>((MultiTermQuery)multi.Clone()));
                break;
        }
    }

    private readonly record struct Word(string Term, int Start, int End);

    private static bool IsText(string field) => field is PassageFields.Text or PassageFields.TextExact;
}
