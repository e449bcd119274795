using System.Globalization;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// How big a query the search language accepts. A researcher's query is rarely more than a few dozen
/// words; these bounds stop a pasted document or a generated query from tying up a core, and each
/// refusal says what to change.
/// </summary>
public static class QueryLimits
{
    public const int MaxLength = 1_000;

    /// <summary>Boolean clauses, counted through every bracketed group.</summary>
    public const int MaxClauses = 100;

    public const int MaxDepth = 10;

    /// <summary>The most words one prefix or wildcard may stand for (see <see cref="BoundedExpansion"/>).</summary>
    public const int MaxExpansions = 1_000;

    internal static void CheckText(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new SearchQueryException(
                $"The query is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is {MaxLength.ToString("N0", CultureInfo.InvariantCulture)}. " +
                "Shorten it, or use the filters (inquiry, category, theme, dates) for what is a filter.");
        }

        var depth = QueryText.BracketDepth(text);
        if (depth > MaxDepth)
        {
            throw new SearchQueryException(
                $"The query nests brackets {depth} deep; the limit is {MaxDepth}. Take out brackets that only wrap one group.");
        }
    }

    internal static void CheckClauses(Query query)
    {
        var clauses = Clauses(query);
        if (clauses > MaxClauses)
        {
            throw new SearchQueryException(
                $"The query has {clauses} parts (words, phrases and bracketed groups); the limit is {MaxClauses}. " +
                "Split it into several searches, or use the filters (inquiry, category, theme, dates) for what is a filter.");
        }
    }

    private static int Clauses(Query query) =>
        query is BooleanQuery boolean ? boolean.Clauses.Count + boolean.Clauses.Sum(c => Clauses(c.Query)) : 0;
}
