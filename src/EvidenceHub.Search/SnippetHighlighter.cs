using System.Net;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;

namespace EvidenceHub.Search;

/// <summary>
/// Snippets of passage text with &lt;mark&gt; around what matched and the source text HTML-escaped: a
/// positional highlighter. The query's text leaves (stemmed and exact terms, phrases, prefixes,
/// wildcards, fuzzy terms) become matchers, once per search; a passage is tokenized once by an analyzer
/// that gives both forms of each word at its position, each word is looked up among the matchers, and
/// phrases are found from the positions of their words. No index is built per snippet (Lucene's
/// <c>QueryScorer</c> built an in-memory index of every passage it marked a phrase in: most of the cost
/// of a page of 100 hits).
/// </summary>
public sealed class SnippetHighlighter
{
    private const int FragmentSize = 220;
    private const int Fragments = 2;
    private readonly Dictionary<string, List<Target>> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Target>> stemmed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Target>>.AlternateLookup<ReadOnlySpan<char>> exactLookup;
    private readonly Dictionary<string, List<Target>>.AlternateLookup<ReadOnlySpan<char>> stemmedLookup;
    private readonly List<(Func<string, bool> Matches, Target Target)> patterns = [];
    private readonly List<(int Slop, int[] Offsets)> phrases = [];

    /// <summary>What a matcher marks: a word on its own (<see cref="Phrase"/> −1), or word <see cref="Word"/> of a phrase.</summary>
    private readonly record struct Target(int Phrase, int Word);

    /// <param name="query">The user's query.</param>
    /// <param name="reader">Unused: fuzzy terms are matched by their own automaton, with no look-up in the index.</param>
    public SnippetHighlighter(Query? query, IndexReader? reader = null)
    {
        _ = reader;
        exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        stemmedLookup = stemmed.GetAlternateLookup<ReadOnlySpan<char>>();
        if (query is not null)
        {
            Collect(query);
        }
    }

    private bool Empty => exact.Count == 0 && stemmed.Count == 0 && patterns.Count == 0;

    public string Snippet(string text)
    {
        var marks = Empty ? [] : Marks(text);
        if (marks.Count == 0)
        {
            return WebUtility.HtmlEncode(text.Length <= FragmentSize ? text : text[..FragmentSize] + "…");
        }

        if (text.Length <= FragmentSize)
        {
            return Render(text, marks, 0, text.Length);
        }

        var windows = BestWindows(text, marks);
        return string.Join(" … ", windows.Select(w => Render(text, marks, w.Start, w.End)));
    }

    /// <summary>Full passage text with every match marked (search within one submission).</summary>
    public string MarkAll(string text)
    {
        var marks = Empty ? [] : Marks(text);
        return marks.Count == 0 ? WebUtility.HtmlEncode(text) : Render(text, marks, 0, text.Length);
    }

    /// <summary>The offsets of every word to mark, in text order.</summary>
    private List<(int Start, int End)> Marks(string text)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var single = new List<bool>();
        List<int>[][]? phrasePositions = phrases.Count == 0 ? null
            : phrases.Select(p => p.Offsets.Select(_ => new List<int>()).ToArray()).ToArray();
        using (var tokens = EvidenceAnalyzers.Shared.GetTokenStream(EvidenceAnalyzers.HighlightField, text))
        {
            var term = tokens.AddAttribute<ICharTermAttribute>();
            var offset = tokens.AddAttribute<IOffsetAttribute>();
            var increment = tokens.AddAttribute<IPositionIncrementAttribute>();
            var keyword = tokens.AddAttribute<IKeywordAttribute>();
            tokens.Reset();
            var position = -1;
            while (tokens.IncrementToken())
            {
                if (increment.PositionIncrement > 0)
                {
                    position++;
                    starts.Add(offset.StartOffset);
                    ends.Add(offset.EndOffset);
                    single.Add(false);
                }

                var word = term.Buffer.AsSpan(0, term.Length);
                // The first token of a position is the exact form; a second one is its stem. When the stem
                // is the word itself only the first comes, and it stands for both.
                if (keyword.IsKeyword)
                {
                    if (exactLookup.TryGetValue(word, out var targets))
                    {
                        Hit(targets, position, single, phrasePositions);
                    }

                    if (patterns.Count > 0)
                    {
                        var form = word.ToString();
                        foreach (var (matches, target) in patterns)
                        {
                            if (matches(form))
                            {
                                Hit([target], position, single, phrasePositions);
                            }
                        }
                    }
                }

                if (stemmedLookup.TryGetValue(word, out var stems))
                {
                    Hit(stems, position, single, phrasePositions);
                }
            }

            tokens.End();
        }

        if (phrasePositions is not null)
        {
            for (var p = 0; p < phrases.Count; p++)
            {
                MarkPhrase(phrases[p], phrasePositions[p], single);
            }
        }

        var marks = new List<(int, int)>();
        for (var i = 0; i < single.Count; i++)
        {
            if (single[i])
            {
                marks.Add((starts[i], ends[i]));
            }
        }

        return marks;
    }

    private static void Hit(List<Target> targets, int position, List<bool> single, List<int>[][]? phrasePositions)
    {
        foreach (var target in targets)
        {
            if (target.Phrase < 0)
            {
                single[position] = true;
            }
            else
            {
                var list = phrasePositions![target.Phrase][target.Word];
                if (list.Count == 0 || list[^1] != position)
                {
                    list.Add(position);
                }
            }
        }
    }

    /// <summary>
    /// Marks the words of each occurrence of a phrase: every word at its offset from the first (exact), or,
    /// with slop, every word of the phrase within a window of the phrase's length plus the slop.
    /// </summary>
    private static void MarkPhrase((int Slop, int[] Offsets) phrase, List<int>[] positions, List<bool> marked)
    {
        if (positions.Any(p => p.Count == 0))
        {
            return;
        }

        if (phrase.Slop == 0)
        {
            var sets = positions.Select(p => p.ToHashSet()).ToArray();
            foreach (var first in positions[0])
            {
                var start = first - phrase.Offsets[0];
                if (Enumerable.Range(0, sets.Length).All(w => sets[w].Contains(start + phrase.Offsets[w])))
                {
                    for (var w = 0; w < sets.Length; w++)
                    {
                        marked[start + phrase.Offsets[w]] = true;
                    }
                }
            }

            return;
        }

        // With slop, as Lucene measures it: from each place the first word stands, the nearest occurrence of
        // every other word to where the phrase puts it, kept when the words are no further out than the slop.
        foreach (var first in positions[0])
        {
            var start = first - phrase.Offsets[0];
            var chosen = new int[positions.Length];
            int low = int.MaxValue, high = int.MinValue;
            for (var w = 0; w < positions.Length; w++)
            {
                var want = start + phrase.Offsets[w];
                chosen[w] = positions[w].MinBy(x => Math.Abs(x - want));
                low = Math.Min(low, chosen[w] - phrase.Offsets[w]);
                high = Math.Max(high, chosen[w] - phrase.Offsets[w]);
            }

            if (high - low <= phrase.Slop && chosen.Distinct().Count() == chosen.Length)
            {
                foreach (var x in chosen)
                {
                    marked[x] = true;
                }
            }
        }
    }

    /// <summary>
    /// Up to <see cref="Fragments"/> windows of about <see cref="FragmentSize"/> characters, those with the most
    /// distinct marked words (words not yet shown in an earlier window counting three times), in text order.
    /// </summary>
    /// <remarks>
    /// A window starts a little before a mark; as the marks are in text order, so are the windows' starts and
    /// ends, and the marks inside a window are a run that slides forward: each pass over the candidates keeps
    /// counts per distinct word as marks enter and leave the run, so a passage costs time in proportion to its
    /// marks, not their square.
    /// </remarks>
    private static List<(int Start, int End)> BestWindows(string text, List<(int Start, int End)> marks)
    {
        // Each mark's word as a number, words equal but for case the same.
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var wordOf = new int[marks.Count];
        for (var i = 0; i < marks.Count; i++)
        {
            var word = text.AsSpan(marks[i].Start, marks[i].End - marks[i].Start);
            if (!lookup.TryGetValue(word, out var id))
            {
                id = ids.Count;
                lookup[word] = id;
            }

            wordOf[i] = id;
        }

        var seen = new bool[ids.Count];
        var inWindow = new int[ids.Count];
        var chosen = new List<(int Start, int End)>();
        for (var f = 0; f < Fragments; f++)
        {
            (int Start, int End, int Score, int Unseen) best = (0, 0, 0, 0);
            Array.Clear(inWindow);
            int from = 0, to = 0, distinct = 0, unseen = 0;
            foreach (var mark in marks)
            {
                if (Overlaps(chosen, mark.Start, mark.End))
                {
                    continue;
                }

                var start = WordStart(text, Math.Max(0, mark.Start - 30));
                var end = WordEnd(text, Math.Min(text.Length, start + FragmentSize));
                // The run of marks inside [start, end): both ends only move forward.
                for (; to < marks.Count && marks[to].End <= end; to++)
                {
                    if (to >= from && inWindow[wordOf[to]]++ == 0)
                    {
                        distinct++;
                        unseen += seen[wordOf[to]] ? 0 : 1;
                    }
                }

                for (; from < marks.Count && marks[from].Start < start; from++)
                {
                    if (from < to && --inWindow[wordOf[from]] == 0)
                    {
                        distinct--;
                        unseen -= seen[wordOf[from]] ? 0 : 1;
                    }
                }

                if (Overlaps(chosen, start, end))
                {
                    continue;
                }

                var score = unseen * 2 + distinct;
                if (score > best.Score)
                {
                    best = (start, end, score, unseen);
                }
            }

            if (best.Score == 0 || (f > 0 && best.Unseen == 0))
            {
                break;
            }

            chosen.Add((best.Start, best.End));
            for (var i = 0; i < marks.Count; i++)
            {
                if (marks[i].Start >= best.Start && marks[i].End <= best.End)
                {
                    seen[wordOf[i]] = true;
                }
            }
        }

        chosen.Sort();
        return chosen;
    }

    private static bool Overlaps(List<(int Start, int End)> chosen, int start, int end)
    {
        foreach (var c in chosen)
        {
            if (start < c.End && end > c.Start)
            {
                return true;
            }
        }

        return false;
    }

    private static int WordStart(string text, int at)
    {
        while (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEnd(string text, int at)
    {
        while (at < text.Length && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static string Render(string text, List<(int Start, int End)> marks, int from, int to)
    {
        var html = new StringBuilder(to - from + 64);
        var at = from;
        foreach (var (start, end) in marks)
        {
            if (start < at || end > to)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }

        return html.Append(WebUtility.HtmlEncode(text[at..to])).ToString();
    }

    private void Collect(Query query)
    {
        switch (query)
        {
            case TermQuery t when IsText(t.Term.Field) && t.Boost > 0: // a stop word among alternatives weighs nothing (SubmissionRanking)
                Add(t.Term, new Target(-1, 0));
                break;
            case PhraseQuery p when p.GetTerms().Length > 0 && IsText(p.GetTerms()[0].Field):
                var terms = p.GetTerms();
                var phrase = phrases.Count;
                phrases.Add((p.Slop, p.GetPositions()));
                for (var i = 0; i < terms.Length; i++)
                {
                    Add(terms[i], new Target(phrase, i));
                }

                break;
            case PrefixQuery p when IsText(p.Prefix.Field):
                var prefix = p.Prefix.Text;
                patterns.Add((w => w.StartsWith(prefix, StringComparison.Ordinal), new Target(-1, 0)));
                break;
            case WildcardQuery w when IsText(w.Term.Field):
                var wildcard = new CharacterRunAutomaton(WildcardQuery.ToAutomaton(w.Term));
                patterns.Add((wildcard.Run, new Target(-1, 0)));
                break;
            case FuzzyQuery f when IsText(f.Term.Field):
                var head = f.Term.Text[..Math.Min(f.PrefixLength, f.Term.Text.Length)];
                var fuzzy = new CharacterRunAutomaton(new LevenshteinAutomata(f.Term.Text[head.Length..], f.Transpositions).ToAutomaton(f.MaxEdits));
                patterns.Add((w => w.StartsWith(head, StringComparison.Ordinal) && fuzzy.Run(w[head.Length..]), new Target(-1, 0)));
                break;
            case BooleanQuery b:
                foreach (var clause in b.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query);
                }

                break;
        }
    }

    private void Add(Term term, Target target)
    {
        var map = term.Field == PassageFields.TextExact ? exact : stemmed;
        if (!map.TryGetValue(term.Text, out var targets))
        {
            map[term.Text] = targets = [];
        }

        targets.Add(target);
    }

    private static bool IsText(string field) => field is PassageFields.Text or PassageFields.TextExact;
}
