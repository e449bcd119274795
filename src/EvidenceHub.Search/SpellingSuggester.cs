using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// "Did you mean": the query with each word the evidence does not use replaced by the nearest word it
/// does — Lucene's DirectSpellChecker, built on the same parts (a <see cref="FuzzyTermsEnum"/> over the
/// term dictionary, at most two edits, the first letter kept, words of four letters or more), over the
/// unstemmed field so that a suggestion is a word as it was written, not a stem.
/// </summary>
/// <remarks>
/// <para>
/// The term dictionary holds every word ever indexed: unpublished and withdrawn evidence, and passages
/// deleted but not yet merged away. So no frequency here is the dictionary's: each is the number of
/// passages this caller may see that hold the word (<see cref="HardFilters"/>), and a word that only
/// hidden passages hold counts nothing, for the word typed as for the words offered. What the dictionary
/// still decides is which candidates are looked at: those nearest to the word typed, the
/// <see cref="MaxCandidates"/> most frequent first.
/// </para>
/// <para>
/// A word the caller's evidence does not hold is replaced by the nearest that it does (fewest edits,
/// then most passages). A word it holds is replaced only by a word at least <see cref="MorePopular"/>
/// times as frequent, so a rare word correctly spelt stays as it is unless it is most likely a slip.
/// Unquoted words are compared as the search reads them, stemmed: "communities" is not corrected where
/// "community" is found. Words inside quotes are compared as typed.
/// </para>
/// </remarks>
internal sealed class SpellingSuggester(IndexSearcher searcher, SearchRequest request)
{
    /// <summary>A search that finds fewer submissions than this is offered a suggestion, if one finds more.</summary>
    public const int FewSubmissions = 3;

    public const int MaxEdits = 2;

    /// <summary>Letters at the start of a word that a suggestion keeps (DirectSpellChecker's minPrefix).</summary>
    public const int PrefixLength = 1;

    /// <summary>Candidates per edit distance whose passages are counted, most frequent in the dictionary first.</summary>
    public const int MaxCandidates = 16;

    /// <summary>How many times as frequent a word must be to replace one the evidence already holds.</summary>
    public const int MorePopular = 10;

    /// <summary>A word the caller's evidence holds in this many passages is taken as meant, and not corrected.</summary>
    public const int Established = 100;

    /// <summary>How far a candidate's passages are counted: enough to tell a common word from a rare one.</summary>
    private const int CountUpTo = 1_000;

    /// <summary>Words of one query looked at: a long pasted query is not worth a dictionary walk per word.</summary>
    public const int MaxWords = 10;

    /// <summary>The least similarity, 1 − edits ÷ length of the shorter word (DirectSpellChecker's accuracy).</summary>
    private const float Accuracy = 0.5f;

    private readonly Dictionary<Term, (int Count, int Enough)> visible = [];

    /// <summary>The query text with its misspelt words replaced, or null when no word has a better spelling.</summary>
    public string? Correct(string queryText)
    {
        var result = new StringBuilder(queryText.Length + 8);
        var at = 0;
        var changed = false;
        foreach (var word in QueryWords.Find(queryText).Take(MaxWords))
        {
            if (Better(word) is { } better)
            {
                result.Append(queryText, at, word.Start - at).Append(InCaseOf(word.Text, better));
                at = word.End;
                changed = true;
            }
        }

        return !changed ? null : result.Append(queryText, at, queryText.Length - at).ToString();
    }

    private string? Better(QueryWord word)
    {
        if (Analyze(PassageFields.TextExact, word.Text) is not { } typed
            || MultiFields.GetTerms(searcher.IndexReader, PassageFields.TextExact) is not { } dictionary)
        {
            return null;
        }

        var searched = Searched(word.Exact, typed);
        if (searched is null)
        {
            return null;
        }

        var own = Visible(searched, Established);
        if (own >= Established)
        {
            return null;
        }

        var least = own == 0 ? 1 : own * MorePopular;
        var candidates = Candidates(dictionary, typed);
        foreach (var sameDistance in candidates.GroupBy(c => c.Edits).OrderBy(g => g.Key))
        {
            string? best = null;
            var bestCount = 0;
            foreach (var candidate in sameDistance.OrderByDescending(c => c.DocFreq).ThenBy(c => c.Word, StringComparer.Ordinal).Take(MaxCandidates))
            {
                // The dictionary's count of a term is at least what the caller may see of it, so a term it
                // counts too few of is passed over without counting; the rest are counted up to a point.
                if (Searched(word.Exact, candidate.Word) is not { } term || term.Equals(searched)
                    || searcher.IndexReader.DocFreq(term) < least)
                {
                    continue;
                }

                var count = Visible(term, Math.Max(least, CountUpTo));
                if (count >= least && count > bestCount)
                {
                    (best, bestCount) = (candidate.Word, count);
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The words of the dictionary within <see cref="MaxEdits"/> of <paramref name="typed"/>, with their edit distance.</summary>
    private static List<(string Word, int Edits, int DocFreq)> Candidates(Terms dictionary, string typed)
    {
        var candidates = new List<(string, int, int)>();
        var words = new FuzzyTermsEnum(dictionary, new AttributeSource(), new Term(PassageFields.TextExact, typed), MaxEdits, PrefixLength, transpositions: true);
        while (words.MoveNext())
        {
            var word = words.Term.Utf8ToString();
            if (word == typed || !word.All(char.IsLetter))
            {
                continue;
            }

            var edits = Distance(typed, word);
            if (edits <= MaxEdits && 1f - (float)edits / Math.Min(typed.Length, word.Length) >= Accuracy)
            {
                candidates.Add((word, edits, words.DocFreq));
            }
        }

        return candidates;
    }

    /// <summary>The term a word is searched as: itself in a phrase, else its stem.</summary>
    private static Term? Searched(bool exact, string folded) =>
        exact ? new Term(PassageFields.TextExact, folded)
            : Analyze(PassageFields.Text, folded) is { } stem ? new Term(PassageFields.Text, stem) : null;

    /// <summary>
    /// Passages that hold <paramref name="term"/> and that this caller may see, under the request's dates
    /// and other hard filters, counted up to <paramref name="enough"/>: past that, how many more makes no
    /// difference to a suggestion, and a common word would cost a walk of most of the index.
    /// </summary>
    private int Visible(Term term, int enough)
    {
        // A count that stopped short of its limit is exact; one that reached it holds for any lower limit.
        if (visible.TryGetValue(term, out var known) && (known.Count < known.Enough || enough <= known.Enough))
        {
            return Math.Min(known.Count, enough);
        }

        var weight = searcher.CreateNormalizedWeight(HardFilters.Apply(new TermQuery(term), request));
        var count = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
            {
                continue;
            }

            while (count < enough && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                count++;
            }

            if (count >= enough)
            {
                break;
            }
        }

        visible[term] = (count, enough);
        return count;
    }

    /// <summary>The one term <paramref name="text"/> analyzes to in <paramref name="field"/>, or null when it is not one term.</summary>
    private static string? Analyze(string field, string text)
    {
        using var stream = EvidenceAnalyzers.Shared.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? only = null;
        var count = 0;
        while (stream.IncrementToken())
        {
            only = term.ToString();
            count++;
        }

        stream.End();
        return count == 1 ? only : null;
    }

    /// <summary>The suggestion written the way the word it replaces was: Community, COMMUNITY, community.</summary>
    private static string InCaseOf(string typed, string suggestion) =>
        typed.Length > 1 && typed.All(char.IsUpper) ? suggestion.ToUpperInvariant()
        : char.IsUpper(typed[0]) ? char.ToUpperInvariant(suggestion[0]) + suggestion[1..]
        : suggestion;

    /// <summary>Edits from one word to another: insertions, deletions, substitutions and swaps of two neighbours (optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
