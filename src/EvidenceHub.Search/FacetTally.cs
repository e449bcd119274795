using Lucene.Net.Index;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// The counts of one facet across segments. Ordinals are per segment, so each segment's ordinals are
/// mapped (lazily, once per ordinal) to a global value number; counting is then array increments, and
/// a value's label is decoded once per segment, not once per passage.
/// </summary>
internal sealed class FacetTally
{
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly List<string> labels = [];
    private readonly List<int> counts = [];

    private SortedSetDocValues? segment;
    private int[] segmentCounts = [];
    private int[] globalOfOrdinal = [];
    private readonly BytesRef scratch = new();

    public void StartSegment(SortedSetDocValues? values)
    {
        FlushSegment();
        segment = values;
        var size = values is null ? 0 : (int)values.ValueCount;
        segmentCounts = new int[size];
        globalOfOrdinal = new int[size];
        Array.Fill(globalOfOrdinal, -1);
    }

    /// <summary>Counts a segment ordinal; added to the global counts when the segment ends.</summary>
    public void CountInSegment(long ordinal) => segmentCounts[ordinal]++;

    /// <summary>The global value number of a segment ordinal.</summary>
    public int GlobalValue(long ordinal)
    {
        var global = globalOfOrdinal[ordinal];
        if (global < 0)
        {
            segment!.LookupOrd(ordinal, scratch);
            var label = scratch.Utf8ToString();
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

    /// <summary>The most frequent values first (ties by value), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<FacetCount> Top(int limit) =>
        Enumerable.Range(0, labels.Count)
            .Where(i => counts[i] > 0)
            .OrderByDescending(i => counts[i]).ThenBy(i => labels[i], StringComparer.Ordinal)
            .Take(limit)
            .Select(i => new FacetCount(labels[i], counts[i]))
            .ToList();
}
