using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace EvidenceHub.Search;

/// <summary>
/// A theme rule parsed once and kept: the query, the fields it reads, and each fuzzy term's Levenshtein
/// automaton compiled once (building one costs about a millisecond, which a <see cref="FuzzyQuery"/>
/// pays again every time it is rewritten — for every passage, run over passages one at a time).
/// Immutable, so shared between threads.
/// </summary>
internal sealed class RuleQuery
{
    private readonly Dictionary<FuzzyQuery, CompiledAutomaton> fuzzyTerms = new(ReferenceEqualityComparer.Instance);

    public RuleQuery(Query query, IReadOnlySet<string> fields)
    {
        Query = query;
        Fields = fields;
        Compile(query);
    }

    public Query Query { get; }

    public IReadOnlySet<string> Fields { get; }

    public bool HasFuzzyTerms => fuzzyTerms.Count > 0;

    /// <summary>
    /// The query with each fuzzy term replaced by the words of <paramref name="vocabulary"/> (a passage's own
    /// index) within its edits: every such word, not only the 50 nearest a search keeps (a passage has few,
    /// and a rule counts evidence). Plain terms, whose matched words are then found like any other.
    /// </summary>
    public Query ExpandedAgainst(IndexReader vocabulary) => HasFuzzyTerms ? Expand(Query, vocabulary) : Query;

    private Query Expand(Query query, IndexReader vocabulary)
    {
        switch (query)
        {
            case FuzzyQuery fuzzy when fuzzyTerms.TryGetValue(fuzzy, out var automaton):
                var words = new BooleanQuery(disableCoord: true) { Boost = fuzzy.Boost };
                if (MultiFields.GetTerms(vocabulary, fuzzy.Field) is { } terms)
                {
                    var matching = automaton.GetTermsEnum(terms);
                    while (matching.MoveNext())
                    {
                        words.Add(new TermQuery(new Term(fuzzy.Field, BytesRef.DeepCopyOf(matching.Term))), Occur.SHOULD);
                    }
                }

                return words;
            case BooleanQuery boolean:
                var expanded = new BooleanQuery(boolean.CoordDisabled)
                {
                    Boost = boolean.Boost,
                    MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch,
                };
                foreach (var clause in boolean.Clauses)
                {
                    expanded.Add(Expand(clause.Query, vocabulary), clause.Occur);
                }

                return expanded;
            default:
                return query;
        }
    }

    private void Compile(Query query)
    {
        switch (query)
        {
            case FuzzyQuery fuzzy:
                fuzzyTerms[fuzzy] = Automaton(fuzzy);
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    Compile(clause.Query);
                }

                break;
        }
    }

    /// <summary>The words within <see cref="FuzzyQuery.MaxEdits"/> of the term that share its prefix, as FuzzyTermsEnum builds it.</summary>
    private static CompiledAutomaton Automaton(FuzzyQuery fuzzy)
    {
        var text = fuzzy.Term.Text;
        var prefixLength = Math.Min(fuzzy.PrefixLength, text.Length);
        var edits = new LevenshteinAutomata(text[prefixLength..], fuzzy.Transpositions).ToAutomaton(fuzzy.MaxEdits);
        return new CompiledAutomaton(prefixLength > 0 ? BasicOperations.Concatenate(BasicAutomata.MakeString(text[..prefixLength]), edits) : edits);
    }
}
