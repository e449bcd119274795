using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// The search language: Lucene's classic syntax with AND as the default operator, exact phrases,
/// prefixes and fuzzy terms on the unstemmed field, and the fields researchers know by name — within
/// the bounds of <see cref="QueryLimits"/>, and with names read only where the caller may read them.
/// </summary>
public sealed partial class EvidenceQueryParser : QueryParser
{
    private static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ref"] = PassageFields.Reference,
        ["reference"] = PassageFields.Reference,
        ["submitter"] = PassageFields.SubmitterName,
        ["organisation"] = PassageFields.Organisation,
        ["organization"] = PassageFields.Organisation,
        ["speaker"] = PassageFields.Speaker,
        ["theme"] = PassageFields.Theme,
        [PassageFields.Text] = PassageFields.Text,
    };

    private EvidenceQueryParser()
        : base(PassageFields.Version, PassageFields.Text, EvidenceAnalyzers.Shared)
    {
        DefaultOperator = Operator.AND;
        AllowLeadingWildcard = false;
        AutoGeneratePhraseQueries = true;
        MultiTermRewriteMethod = BoundedExpansion.Instance;
    }

    /// <summary>
    /// Parses the search language for a caller with <paramref name="access"/>: a <c>submitter:</c> or
    /// <c>organisation:</c> term only matches names the caller may read (see <see cref="SearchAccess"/>).
    /// Throws <see cref="SearchQueryException"/> saying what is wrong, or which limit the query is past.
    /// </summary>
    public static Query ParseQuery(string text, SearchAccess access)
    {
        QueryLimits.CheckText(text);
        var query = ParseSyntax(text);
        QueryLimits.CheckClauses(query);
        return AccessFilters.RestrictNames(query, access);
    }

    private static Query ParseSyntax(string text)
    {
        text = QueryText.EscapeSlashes(text);
        try
        {
            return new EvidenceQueryParser().Parse(text);
        }
        catch (ParseException ex) when (ex.InnerException is BooleanQuery.TooManyClausesException)
        {
            throw new SearchQueryException(TooManyClauses, ex);
        }
        catch (ParseException ex)
        {
            throw new SearchQueryException(Explain(text, ex), ex);
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new SearchQueryException(TooManyClauses, ex);
        }
    }

    private static string TooManyClauses =>
        $"The query has too many terms (the limit is {BooleanQuery.MaxClauseCount}); make it shorter.";

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        var mapped = Map(field);
        if (mapped == PassageFields.Reference)
        {
            return new TermQuery(new Term(mapped, queryText.Trim().ToUpperInvariant()));
        }

        return base.GetFieldQuery(quoted && mapped == PassageFields.Text ? PassageFields.TextExact : mapped, queryText, quoted);
    }

    protected override Query GetPrefixQuery(string field, string termStr) =>
        Map(field) == PassageFields.Reference
            ? NewPrefixQuery(new Term(PassageFields.Reference, termStr.ToUpperInvariant()))
            : base.GetPrefixQuery(Unstemmed(field), termStr);

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        if (termStr.Length > 0 && termStr[0] is '*' or '?')
        {
            throw new ParseException(
                $"'{termStr}' starts with a wildcard; a wildcard can only end a word (community*), not start it.");
        }

        return Map(field) == PassageFields.Reference
            ? NewWildcardQuery(new Term(PassageFields.Reference, termStr.ToUpperInvariant()))
            : base.GetWildcardQuery(Unstemmed(field), termStr);
    }

    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw new ParseException(
            $"'/{termStr}/' is a regular expression, which the search language does not run; use a prefix (communit*) or a fuzzy term (devolution~), or put the words in quotes to search for the slashes.");

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        base.GetFuzzyQuery(Unstemmed(field), termStr, minSimilarity);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        throw new ParseException("Ranges ([a TO b]) are not part of the search language; use the from and to filters for dates.");

    private string Unstemmed(string field)
    {
        var mapped = Map(field);
        return mapped == PassageFields.Text ? PassageFields.TextExact : mapped;
    }

    private static string Map(string field) =>
        FieldNames.TryGetValue(field, out var mapped)
            ? mapped
            : throw new ParseException(
                $"'{field}:' is not a field. Fields are ref:, submitter:, organisation:, speaker: and theme: (put a colon inside quotes to search for it).");

    private static string Explain(string text, ParseException ex)
    {
        if (ex.Message.Contains("<EOF>", StringComparison.Ordinal))
        {
            return "The query ends too soon: check for an unclosed quote or bracket, or an AND/OR/NOT with nothing after it.";
        }

        var column = ColumnPattern().Match(ex.Message);
        if (column.Success)
        {
            var at = Math.Clamp(int.Parse(column.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1, 0, text.Length);
            var near = at >= text.Length ? "at the end of the query" : $"at character {at + 1} ('{text[at..Math.Min(text.Length, at + 15)]}')";
            return $"The query could not be understood {near}: check for unbalanced quotes or brackets, or an AND/OR/NOT with nothing after it.";
        }

        var inner = ex.InnerException?.Message ?? ex.Message;
        var reason = inner.StartsWith("Cannot parse", StringComparison.Ordinal) && inner.Contains(": ", StringComparison.Ordinal)
            ? inner[(inner.IndexOf(": ", StringComparison.Ordinal) + 2)..]
            : inner;
        return $"The query could not be understood: {reason}";
    }

    [GeneratedRegex(@"column (\d+)")]
    private static partial Regex ColumnPattern();
}
