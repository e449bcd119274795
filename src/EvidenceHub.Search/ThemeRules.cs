using System.Net;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>A passage a theme's rule matched, and the words in its text that matched.</summary>
public sealed record RuleMatch(long PassageId, long SubmissionId, IReadOnlyList<string> Terms);

/// <summary>
/// Theme rules: queries in the search language, checked by the real parser and run over the index of
/// one inquiry. A rule may not use <c>theme:</c> — a rule that depends on tags would feed on itself.
/// </summary>
/// <remarks>
/// A rule reads every passage of its inquiry, published or not (tags are made before publication), but
/// reads names as the public does: the tags it makes are shown to the public in theme counts and
/// filters, so a rule such as <c>submitter:Smith</c> must not mark an anonymous submission as Smith's.
/// </remarks>
public sealed partial class ThemeRules(PassageIndex index)
{
    private const int MaxPassages = 100_000;

    private static readonly SearchAccess RuleAccess = SearchAccess.PublicOnly;

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

    /// <summary>Every passage of the inquiry (or of one submission in it) that the rule matches, with the matched words.</summary>
    public IReadOnlyList<RuleMatch> Match(string rule, string inquiry, long? submissionId = null)
    {
        var userQuery = EvidenceQueryParser.ParseQuery(rule, RuleAccess);
        var scope = new BooleanQuery
        {
            { userQuery, Occur.MUST },
            { new TermQuery(new Term(PassageFields.FacetField("inquiry"), inquiry)), Occur.MUST },
        };
        if (submissionId is { } id)
        {
            scope.Add(new TermQuery(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(id))), Occur.MUST);
        }

        return index.Search(searcher =>
        {
            var top = searcher.Search(scope, MaxPassages);
            var highlighter = new SnippetHighlighter(userQuery);
            return top.ScoreDocs.Select(sd =>
            {
                var doc = searcher.Doc(sd.Doc);
                return new RuleMatch(
                    long.Parse(doc.Get(PassageFields.PassageId), System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(doc.Get(PassageFields.SubmissionId), System.Globalization.CultureInfo.InvariantCulture),
                    MarkedTerms(highlighter.MarkAll(doc.Get(PassageFields.Text))));
            }).OrderBy(m => m.SubmissionId).ThenBy(m => m.PassageId).ToList();
        });
    }

    /// <summary>The distinct marked spans of highlighted text; marks separated only by spaces are one phrase.</summary>
    internal static IReadOnlyList<string> MarkedTerms(string marked) =>
        Marks().Matches(AdjacentMarks().Replace(marked, " "))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

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
        }
    }

    [GeneratedRegex(@"</mark>(\s+)<mark>")]
    private static partial Regex AdjacentMarks();

    [GeneratedRegex(@"<mark>(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex Marks();
}
