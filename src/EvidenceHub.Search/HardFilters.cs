using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// The parts of a search that are not the researcher's query — what the caller may see, the received
/// dates, one submission — as filters that neither score nor count as facet filters.
/// </summary>
internal static class HardFilters
{
    public static Query Apply(Query query, SearchRequest request)
    {
        var filters = new BooleanQuery();
        if (AccessFilters.Visible(request.Access) is { } visible)
        {
            filters.Add(visible, Occur.MUST);
        }

        if (request.From is not null || request.To is not null)
        {
            filters.Add(NumericRangeQuery.NewInt32Range(PassageFields.ReceivedOn,
                request.From?.DayNumber ?? 1, request.To?.DayNumber ?? int.MaxValue, true, true), Occur.MUST);
        }

        if (request.OwnWordsOnly)
        {
            filters.Add(new TermQuery(new Term(PassageFields.OwnWords, "true")), Occur.MUST);
        }

        if (request.SubmissionId is { } id)
        {
            filters.Add(new TermQuery(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(id))), Occur.MUST);
        }

        if (filters.Clauses.Count == 0)
        {
            return query;
        }

        return new BooleanQuery
        {
            { query, Occur.MUST },
            { new ConstantScoreQuery(filters) { Boost = 0f }, Occur.MUST },
        };
    }
}
