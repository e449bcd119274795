using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>A passage a theme's rule matched, and the words in its text that matched.</summary>
public sealed record RuleMatch(long PassageId, long SubmissionId, IReadOnlyList<string> Terms);

/// <summary>
/// Theme rules: queries in the search language, checked by the real parser and run over the passages they
/// are given — one submission's, or a batch of an inquiry's, read from the database — each passage in an
/// index of its own in memory (<see cref="PassageMemoryIndex"/>), never the shared index. A rule may not
/// use <c>theme:</c>: a rule that depends on tags would feed on itself.
/// </summary>
/// <remarks>
/// A rule reads every passage it is given, published or not (tags are made before publication), but
/// reads names as the public does: the tags it makes are shown to the public in theme counts and
/// filters, so a rule such as <c>submitter:Smith</c> must not mark an anonymous submission as Smith's.
/// </remarks>
public sealed class ThemeRules
{
    private const int MaxParsedRules = 10_000;

    private static readonly SearchAccess RuleAccess = SearchAccess.PublicOnly;

    private readonly ConcurrentDictionary<string, RuleQuery> parsed = new(StringComparer.Ordinal);

    /// <summary>Null when the rule can be saved; otherwise why not, in words a researcher can act on.</summary>
    public static string? Problem(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return "A theme needs a rule: a query in the search language, such as \"community ownership\" OR \"asset transfer\".";
        }

        try
        {
            var query = EvidenceQueryParser.ParseQuery(rule, RuleAccess);
            return Fields(query).Contains(PassageFields.Theme)
                ? "A rule cannot use theme: — it would depend on the tags that rules themselves make."
                : null;
        }
        catch (SearchQueryException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The passages the rule matches, with the matched words, by submission then passage.</summary>
    public IReadOnlyList<RuleMatch> Match(string rule, IReadOnlyCollection<PassageDocument> passages) => Match([rule], passages)[0];

    /// <summary>
    /// For each rule (in order), the passages it matches, with the matched words, by submission then passage.
    /// Each passage is indexed once, alone, and every rule run over it. Throws <see cref="SearchQueryException"/>
    /// for a rule that no longer parses.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RuleMatch>> Match(IReadOnlyList<string> rules, IReadOnlyCollection<PassageDocument> passages)
    {
        var parsed = rules.Select(Parsed).ToList();
        var fields = parsed.SelectMany(r => r.Fields).ToHashSet(StringComparer.Ordinal);
        var matches = rules.Select(_ => new List<RuleMatch>()).ToList();
        var index = new PassageMemoryIndex(fields);
        foreach (var passage in passages)
        {
            var searcher = index.Load(passage);
            for (var i = 0; i < parsed.Count; i++)
            {
                var query = parsed[i].ExpandedAgainst(searcher.IndexReader);
                if (PassageMemoryIndex.Matches(searcher, query))
                {
                    var words = MatchedWords.Of(query, searcher.IndexReader, passage.Text, EvidenceAnalyzers.Shared);
                    matches[i].Add(new RuleMatch(passage.PassageId, passage.SubmissionId, words));
                }
            }
        }

        return matches.Select(m => (IReadOnlyList<RuleMatch>)m.OrderBy(x => x.SubmissionId).ThenBy(x => x.PassageId).ToList()).ToList();
    }

    /// <summary>A rule parsed once and kept: every submission ingested runs every rule of its inquiry.</summary>
    private RuleQuery Parsed(string rule)
    {
        if (parsed.TryGetValue(rule, out var known))
        {
            return known;
        }

        var query = EvidenceQueryParser.ParseQuery(rule, RuleAccess);
        if (parsed.Count >= MaxParsedRules)
        {
            parsed.Clear(); // old rule texts; the ones in use come back on their next run
        }

        return parsed[rule] = new RuleQuery(query, Fields(query));
    }

    private static HashSet<string> Fields(Query query)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Collect(query, fields);
        return fields;
    }

    private static void Collect(Query query, HashSet<string> fields)
    {
        switch (query)
        {
            case BooleanQuery b:
                foreach (var clause in b.Clauses)
                {
                    Collect(clause.Query, fields);
                }

                break;
            case TermQuery t:
                fields.Add(t.Term.Field);
                break;
            case PhraseQuery p:
                fields.UnionWith(p.GetTerms().Select(t => t.Field));
                break;
            case MultiPhraseQuery mp:
                fields.UnionWith(mp.GetTermArrays().SelectMany(a => a).Select(t => t.Field));
                break;
            case MultiTermQuery m:
                fields.Add(m.Field);
                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner, fields); // the access rules' filter on anonymity
                break;
        }
    }
}
