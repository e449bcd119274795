using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// How the parser's prefix and wildcard terms are rewritten: refused with a 400 when one stands for more
/// than <see cref="QueryLimits.MaxExpansions"/> words in the index, else rewritten as before (Lucene's
/// constant-score auto rewrite). Refused rather than cut to the top N words (a top-terms rewrite): that
/// would silently drop the rarer words, so <c>total</c> and the facet counts would undercount without
/// saying so, and researchers count evidence. A refusal says what to change.
/// </summary>
/// <remarks>
/// Fuzzy terms need no bound of their own: <see cref="FuzzyQuery"/> already keeps only its 50 best
/// words (a top-terms rewrite, which is right there: a spelling slip has a few likely meanings, not a
/// count), and the parser caps it at two edits.
/// </remarks>
internal sealed class BoundedExpansion : MultiTermQuery.RewriteMethod
{
    public static readonly BoundedExpansion Instance = new();

    private BoundedExpansion()
    {
    }

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        if (MultiFields.GetTerms(reader, query.Field) is { } terms)
        {
            // Counting stops at the first word past the limit, so an expansion too large to run costs no more than the limit.
            var words = GetTermsEnum(query, terms, new AttributeSource());
            for (var count = 1; words.MoveNext(); count++)
            {
                if (count > QueryLimits.MaxExpansions)
                {
                    throw new SearchQueryException(
                        $"'{query.ToString(query.Field)}' stands for more than {QueryLimits.MaxExpansions.ToString("N0", CultureInfo.InvariantCulture)} different words in the evidence; " +
                        "make it more specific: more letters before the * or ?.");
                }
            }
        }

        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
    }
}
