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
    public bool[][] ResolveOrdinals(OrdinalColumn?[] values)
    {
        var result = new bool[Facets.Count][];
        for (var i = 0; i < Facets.Count; i++)
        {
            if (values[i] is not { } column)
            {
                result[i] = [];
                continue;
            }

            result[i] = new bool[column.ValueCount];
            foreach (var value in filters[Facets[i]])
            {
                var ord = column.OrdinalOf(value);
                if (ord >= 0)
                {
                    result[i][ord] = true;
                }
            }
        }

        return result;
    }
}
