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

    /// <summary>For one segment: per active facet, a table by ordinal of whether its value is accepted.</summary>
    public bool[][] ResolveOrdinals(SortedSetDocValues?[] values)
    {
        var result = new bool[Facets.Count][];
        for (var i = 0; i < Facets.Count; i++)
        {
            if (values[i] is not { } docValues)
            {
                result[i] = [];
                continue;
            }

            result[i] = new bool[docValues.ValueCount];
            foreach (var value in filters[Facets[i]])
            {
                var ord = docValues.LookupTerm(new BytesRef(value));
                if (ord >= 0)
                {
                    result[i][ord] = true;
                }
            }
        }

        return result;
    }
}
