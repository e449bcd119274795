using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// One pass over the passages that match the query: groups the passages that pass every facet filter
/// by submission (keeping each submission's best passages), and counts facets the way researchers
/// expect — distinct submissions, with each facet ignoring its own filter ("drill sideways"): a
/// passage that fails exactly one facet's filter still counts towards that facet.
/// </summary>
internal sealed class SubmissionCollector(FacetFilters filters, int passagesPerHit) : ICollector
{
    private static readonly int FacetCount = PassageFields.Facets.Count;

    private readonly Dictionary<long, SubmissionGroup> groups = [];
    private readonly Dictionary<long, SubmissionFacetState> counted = [];
    private readonly Dictionary<string, int>[] facetCounts =
        PassageFields.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly int[] facetOfFilter =
        filters.Facets.Select(f => PassageFields.Facets.ToList().IndexOf(f)).ToArray();
    private readonly bool[] passageLevel =
        PassageFields.Facets.Select(f => PassageFields.PassageLevelFacets.Contains(f)).ToArray();

    private Scorer? scorer;
    private int docBase;
    private NumericDocValues? submissionIds;
    private NumericDocValues? received;
    private SortedDocValues? references;
    private SortedSetDocValues?[] facetValues = new SortedSetDocValues?[FacetCount];
    private HashSet<long>[] acceptedOrdinals = [];
    private int[][] segmentCounts = [];
    private string?[][] segmentLabels = [];
    private long lastSubmission = -1;
    private SubmissionFacetState? lastState;

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyCollection<SubmissionGroup> Groups => groups.Values;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        var reader = context.AtomicReader;
        docBase = context.DocBase;
        submissionIds = reader.GetNumericDocValues(PassageFields.SubmissionId);
        received = reader.GetNumericDocValues(PassageFields.ReceivedOn);
        references = reader.GetSortedDocValues(PassageFields.Reference);
        facetValues = PassageFields.Facets.Select(f => reader.GetSortedSetDocValues(PassageFields.FacetField(f))).ToArray();
        acceptedOrdinals = filters.ResolveOrdinals(facetOfFilter.Select(f => facetValues[f]).ToArray());
        segmentCounts = facetValues.Select(v => new int[v is null ? 0 : (int)v.ValueCount]).ToArray();
        segmentLabels = facetValues.Select(v => new string?[v is null ? 0 : (int)v.ValueCount]).ToArray();
        lastSubmission = -1;
        lastState = null;
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

        var submissionId = submissionIds.Get(doc);
        var state = StateOf(submissionId);
        if (failed < 0)
        {
            AddHit(doc, submissionId);
            for (var f = 0; f < FacetCount; f++)
            {
                CountFacet(doc, f, state);
            }
        }
        else
        {
            CountFacet(doc, facetOfFilter[failed], state);
        }
    }

    /// <summary>Facet counts, most frequent first (ties by value), at most <paramref name="limit"/> each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> FacetCounts(int limit)
    {
        FlushSegmentCounts();
        return PassageFields.Facets
            .Select((facet, i) => (facet, values: (IReadOnlyList<FacetCount>)facetCounts[i]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(limit).Select(kv => new FacetCount(kv.Key, kv.Value)).ToList()))
            .ToDictionary(x => x.facet, x => x.values);
    }

    private bool Passes(int doc, int facet, HashSet<long> accepted)
    {
        if (facetValues[facet] is not { } values || accepted.Count == 0)
        {
            return false;
        }

        values.SetDocument(doc);
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            if (accepted.Contains(ord))
            {
                return true;
            }
        }

        return false;
    }

    private void AddHit(int doc, long submissionId)
    {
        if (!groups.TryGetValue(submissionId, out var group))
        {
            var reference = new BytesRef();
            references?.Get(doc, reference);
            group = new SubmissionGroup(submissionId, reference.Utf8ToString(), received?.Get(doc) ?? 0, passagesPerHit);
            groups.Add(submissionId, group);
        }

        group.Offer(docBase + doc, scorer?.GetScore() ?? 0f);
    }

    private SubmissionFacetState StateOf(long submissionId)
    {
        // Passages of a submission are indexed together, so consecutive documents usually share it.
        if (submissionId == lastSubmission && lastState is not null)
        {
            return lastState;
        }

        if (!counted.TryGetValue(submissionId, out var state))
        {
            state = new SubmissionFacetState();
            counted.Add(submissionId, state);
        }

        lastSubmission = submissionId;
        lastState = state;
        return state;
    }

    private void CountFacet(int doc, int facet, SubmissionFacetState state)
    {
        if (facetValues[facet] is not { } values)
        {
            return;
        }

        if (!passageLevel[facet])
        {
            // Every passage of a submission carries the same value: count the submission once.
            if (!state.MarkCounted(facet))
            {
                return;
            }

            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                segmentCounts[facet][ord]++;
            }

            return;
        }

        values.SetDocument(doc);
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            var label = segmentLabels[facet][ord] ??= Lookup(values, ord);
            if (state.MarkValue(facet, label))
            {
                facetCounts[facet][label] = facetCounts[facet].GetValueOrDefault(label) + 1;
            }
        }
    }

    private static string Lookup(SortedSetDocValues values, long ord)
    {
        var bytes = new BytesRef();
        values.LookupOrd(ord, bytes);
        return bytes.Utf8ToString();
    }

    private void FlushSegmentCounts()
    {
        for (var facet = 0; facet < segmentCounts.Length; facet++)
        {
            var counts = segmentCounts[facet];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0 && facetValues[facet] is { } values)
                {
                    var label = segmentLabels[facet][ord] ??= Lookup(values, ord);
                    facetCounts[facet][label] = facetCounts[facet].GetValueOrDefault(label) + counts[ord];
                    counts[ord] = 0;
                }
            }
        }
    }

    /// <summary>What has already been counted for one submission.</summary>
    private sealed class SubmissionFacetState
    {
        private int countedFacets;
        private HashSet<(int, string)>? values;

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

        public bool MarkValue(int facet, string value) => (values ??= []).Add((facet, value));
    }
}
