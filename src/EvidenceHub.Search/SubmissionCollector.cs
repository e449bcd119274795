using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// One pass over the passages that match the query: groups the passages that pass every facet filter
/// by submission (keeping each submission's best passages), and counts facets the way researchers
/// expect — distinct submissions, with each facet ignoring its own filter ("drill sideways"): a
/// passage that fails exactly one facet's filter still counts towards that facet.
/// </summary>
/// <remarks>
/// This runs once per matching passage (hundreds of thousands per search at 1M passages), so the
/// per-passage work is array look-ups only: doc values come from in-memory <see cref="SegmentColumns"/>,
/// filters are resolved to a per-segment table of accepted ordinals, facet values to global value
/// numbers (<see cref="FacetTally"/>), and the submission's entry is looked up only when the submission
/// changes (a submission's passages are indexed together, so consecutive matches usually share it).
/// </remarks>
internal sealed class SubmissionCollector(FacetFilters filters, int passagesPerHit) : ICollector
{
    private static readonly int FacetCount = PassageFields.Facets.Count;

    private static readonly bool[] PassageLevel =
        PassageFields.Facets.Select(f => PassageFields.PassageLevelFacets.Contains(f)).ToArray();

    private readonly Dictionary<long, SubmissionEntry> entries = [];
    private readonly List<SubmissionGroup> groups = [];
    private readonly FacetTally[] tallies = PassageFields.Facets.Select(_ => new FacetTally()).ToArray();
    private readonly int[] facetOfFilter =
        filters.Facets.Select(f => PassageFields.Facets.ToList().IndexOf(f)).ToArray();

    private Scorer? scorer;
    private int docBase;
    private long[]? submissionIds;
    private int[] received = [];
    private OrdinalColumn? references;
    private OrdinalColumn?[] facetValues = new OrdinalColumn?[FacetCount];
    private bool[][] acceptedOrdinals = [];
    private long lastSubmission = -1;
    private SubmissionEntry? lastEntry;

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>The matching submissions, in the order they were first collected.</summary>
    public IReadOnlyList<SubmissionGroup> Groups => groups;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        var columns = SegmentColumns.Of(context.AtomicReader);
        docBase = context.DocBase;
        submissionIds = columns.SubmissionIds;
        received = columns.Received;
        references = columns.References;
        facetValues = columns.Facets;
        acceptedOrdinals = filters.ResolveOrdinals(facetOfFilter.Select(f => facetValues[f]).ToArray());
        for (var f = 0; f < FacetCount; f++)
        {
            tallies[f].StartSegment(facetValues[f]);
        }

        lastSubmission = -1;
        lastEntry = null;
    }

    public void Collect(int doc)
    {
        if (submissionIds is null)
        {
            return;
        }

        var failed = -1;
        for (var i = 0; i < acceptedOrdinals.Length; i++)
        {
            if (!Passes(doc, facetOfFilter[i], acceptedOrdinals[i]))
            {
                if (failed >= 0)
                {
                    return; // fails two filters: counts nowhere
                }

                failed = i;
            }
        }

        var submissionId = submissionIds[doc];
        var entry = EntryOf(submissionId);
        if (failed < 0)
        {
            AddHit(doc, entry, submissionId);
            for (var f = 0; f < FacetCount; f++)
            {
                CountFacet(doc, f, entry);
            }
        }
        else
        {
            CountFacet(doc, facetOfFilter[failed], entry);
        }
    }

    /// <summary>Facet counts, most frequent first (ties by value), at most <paramref name="limit"/> each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> FacetCounts(int limit)
    {
        FlushSegmentCounts();
        return PassageFields.Facets
            .Select((facet, i) => (facet, values: tallies[i].Top(limit)))
            .ToDictionary(x => x.facet, x => x.values);
    }

    private bool Passes(int doc, int facet, bool[] accepted)
    {
        if (facetValues[facet] is not { } values)
        {
            return false;
        }

        values.Range(doc, out var start, out var end);
        for (var i = start; i < end; i++)
        {
            if (accepted[values.At(i)])
            {
                return true;
            }
        }

        return false;
    }

    private SubmissionEntry EntryOf(long submissionId)
    {
        if (submissionId == lastSubmission && lastEntry is not null)
        {
            return lastEntry;
        }

        if (!entries.TryGetValue(submissionId, out var entry))
        {
            entry = new SubmissionEntry();
            entries.Add(submissionId, entry);
        }

        lastSubmission = submissionId;
        lastEntry = entry;
        return entry;
    }

    private void AddHit(int doc, SubmissionEntry entry, long submissionId)
    {
        if (entry.Group is not { } group)
        {
            var reference = string.Empty;
            if (references is not null)
            {
                references.Range(doc, out var start, out var end);
                reference = end > start ? references.Label(references.At(start)) : string.Empty;
            }

            group = entry.Group = new SubmissionGroup(submissionId, reference, received[doc], passagesPerHit);
            groups.Add(group);
        }

        group.Offer(docBase + doc, scorer?.GetScore() ?? 0f);
    }

    private void CountFacet(int doc, int facet, SubmissionEntry entry)
    {
        if (facetValues[facet] is not { } values)
        {
            return;
        }

        var tally = tallies[facet];
        if (!PassageLevel[facet])
        {
            // Every passage of a submission carries the same value: count the submission once.
            if (!entry.MarkCounted(facet))
            {
                return;
            }

            values.Range(doc, out var start, out var end);
            for (var i = start; i < end; i++)
            {
                tally.CountInSegment(values.At(i));
            }

            return;
        }

        values.Range(doc, out var from, out var to);
        for (var i = from; i < to; i++)
        {
            var value = tally.GlobalValue(values.At(i));
            if (entry.MarkValue(facet, value))
            {
                tally.Count(value);
            }
        }
    }

    private void FlushSegmentCounts()
    {
        foreach (var tally in tallies)
        {
            tally.FlushSegment();
        }
    }

    /// <summary>One submission met while collecting: its group (once a passage passed every filter) and what has been counted for it.</summary>
    private sealed class SubmissionEntry
    {
        private int countedFacets;

        // (facet, global value) pairs of the passage-level facets already counted; a submission has few.
        private List<(int Facet, int Value)>? values;

        public SubmissionGroup? Group { get; set; }

        public bool MarkCounted(int facet)
        {
            var bit = 1 << facet;
            if ((countedFacets & bit) != 0)
            {
                return false;
            }

            countedFacets |= bit;
            return true;
        }

        public bool MarkValue(int facet, int value)
        {
            values ??= [];
            foreach (var seen in values)
            {
                if (seen.Facet == facet && seen.Value == value)
                {
                    return false;
                }
            }

            values.Add((facet, value));
            return true;
        }
    }
}
