namespace EvidenceHub.Search;

/// <summary>
/// The counts of one facet across segments. Ordinals are per segment, so each segment's ordinals are
/// mapped (lazily, once per ordinal) to a global value number; counting is then array increments.
/// </summary>
internal sealed class FacetTally
{
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly List<string> labels = [];
    private readonly List<int> counts = [];

    private OrdinalColumn? segment;
    private int[] segmentCounts = [];
    private int[] globalOfOrdinal = [];

    public void StartSegment(OrdinalColumn? values)
    {
        FlushSegment();
        segment = values;
        var size = values?.ValueCount ?? 0;
        segmentCounts = new int[size];
        globalOfOrdinal = new int[size];
        Array.Fill(globalOfOrdinal, -1);
    }

    /// <summary>Counts a segment ordinal; added to the global counts when the segment ends.</summary>
    public void CountInSegment(int ordinal) => segmentCounts[ordinal]++;

    /// <summary>The global value number of a segment ordinal.</summary>
    public int GlobalValue(int ordinal)
    {
        var global = globalOfOrdinal[ordinal];
        if (global < 0)
        {
            var label = segment!.Label(ordinal);
            if (!numbers.TryGetValue(label, out global))
            {
                global = labels.Count;
                numbers.Add(label, global);
                labels.Add(label);
                counts.Add(0);
            }

            globalOfOrdinal[ordinal] = global;
        }

        return global;
    }

    public void Count(int global) => counts[global]++;

    public void FlushSegment()
    {
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] > 0)
            {
                counts[GlobalValue(ord)] += segmentCounts[ord];
                segmentCounts[ord] = 0;
            }
        }
    }

    /// <summary>
    /// The most frequent values first (ties by value), at most <paramref name="limit"/>, over the tallies
    /// of every slice of one search (slices never share a submission, so their counts add up).
    /// </summary>
    public static IReadOnlyList<FacetCount> Top(IEnumerable<FacetTally> slices, int limit)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            for (var i = 0; i < slice.labels.Count; i++)
            {
                if (slice.counts[i] > 0)
                {
                    total[slice.labels[i]] = total.GetValueOrDefault(slice.labels[i]) + slice.counts[i];
                }
            }
        }

        return total
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(v => new FacetCount(v.Key, v.Value))
            .ToList();
    }
}
