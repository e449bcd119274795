using Lucene.Net.Index;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// The active facet filters, resolved to ordinals segment by segment, so the collector can tell which
/// filters a passage fails without a second query.
/// </summary>
internal sealed class FacetFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
{
    public IReadOnlyList<string> Facets { get; } =
        PassageFields.Facets.Where(f => filters.TryGetValue(f, out var v) && v.Count > 0).ToList();

    /// <summary>For one segment: per active facet, the ordinals of the accepted values.</summary>
    public HashSet<long>[] ResolveOrdinals(SortedSetDocValues?[] values)
    {
        var result = new HashSet<long>[Facets.Count];
        for (var i = 0; i < Facets.Count; i++)
        {
            result[i] = [];
            if (values[i] is not { } docValues)
            {
                continue;
            }

            foreach (var value in filters[Facets[i]])
            {
                var ord = docValues.LookupTerm(new BytesRef(value));
                if (ord >= 0)
                {
                    result[i].Add(ord);
                }
            }
        }

        return result;
    }
}
