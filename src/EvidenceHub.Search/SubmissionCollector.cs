using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// One pass over the passages of one slice of the index that match the query: groups the passages that
/// pass every facet filter by submission (keeping each submission's best passages), and counts facets
/// the way researchers expect — distinct submissions, with each facet ignoring its own filter ("drill
/// sideways"): a passage that fails exactly one facet's filter still counts towards that facet.
/// </summary>
/// <remarks>
/// <para>
/// This runs once per matching passage (hundreds of thousands per search at 1M passages), so the
/// per-passage work is array look-ups only: doc values come from in-memory <see cref="SegmentColumns"/>,
/// filters are resolved to a per-segment table of accepted ordinals, facet values to global value
/// numbers (<see cref="FacetTally"/>).
/// </para>
/// <para>
/// A submission's passages are indexed as one block (<see cref="PassageIndex.ReplaceSubmission"/>), so
/// they are consecutive documents of one segment, and the scorer is walked in document order: the
/// collector only ever holds the state of the submission it is in, and keeps a finished submission as a
/// <see cref="CollectedGroups"/> row. Nothing is allocated per submission, which kept the garbage
/// collector out of the search (it was 10–18 ms pauses at 1M passages).
/// </para>
/// </remarks>
internal sealed class SubmissionCollector : IDisposable
{
    private static readonly int FacetCount = PassageFields.Facets.Count;

    private static readonly bool[] PassageLevel =
        PassageFields.Facets.Select(f => PassageFields.PassageLevelFacets.Contains(f)).ToArray();

    /// <summary>
    /// Passages collected between two looks at the clock: often enough to stop within a few milliseconds
    /// of the time budget, rarely enough that the clock costs nothing per passage.
    /// </summary>
    private const int PassagesPerClockCheck = 4_096;

    private readonly FacetFilters filters;
    private readonly SearchDeadline deadline;
    private readonly FacetTally[] tallies = PassageFields.Facets.Select(_ => new FacetTally()).ToArray();
    private readonly int[] facetOfFilter;

    // The submission being collected.
    private readonly List<(int Facet, int Value)> currentValues = [];
    private readonly int[] currentBestDocs;
    private readonly float[] currentBestScores;
    private readonly float[] currentTopScores = new float[SubmissionRanking.CombinedPassages];
    private int currentTopCount;
    private long currentSubmission = -1;
    private int currentCounted;
    private int currentBestCount;
    private int currentFirstHit = -1;

    // The segment being collected.
    private int docBase;
    private long[]? submissionIds;
    private int[] received = [];
    private OrdinalColumn? references;
    private OrdinalColumn?[] facetValues = new OrdinalColumn?[FacetCount];
    private bool[][] acceptedOrdinals = [];

    // The first passage looks at the clock, so a search whose rewriting already used up the budget stops at once.
    private int untilClockCheck = 1;

    public SubmissionCollector(FacetFilters filters, int passagesPerHit, SearchDeadline deadline)
    {
        this.filters = filters;
        this.deadline = deadline;
        facetOfFilter = filters.Facets.Select(f => PassageFields.Facets.ToList().IndexOf(f)).ToArray();
        Groups = new CollectedGroups(Math.Max(passagesPerHit, 0));
        currentBestDocs = new int[Groups.PassagesPerHit];
        currentBestScores = new float[Groups.PassagesPerHit];
    }

    /// <summary>The submissions with at least one passage that passed every filter.</summary>
    public CollectedGroups Groups { get; }

    /// <summary>Collects the matches of <paramref name="weight"/> among documents [from, to) of one segment.</summary>
    public void Collect(Weight weight, AtomicReaderContext context, int from, int to)
    {
        var scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
        var columns = SegmentColumns.Of(context.AtomicReader);
        if (scorer is null || columns.SubmissionIds is null)
        {
            return;
        }

        StartSegment(context, columns);
        for (var doc = from == 0 ? scorer.NextDoc() : scorer.Advance(from); doc < to; doc = scorer.NextDoc())
        {
            if (--untilClockCheck == 0)
            {
                untilClockCheck = PassagesPerClockCheck;
                deadline.ThrowIfPassed();
            }

            Collect(doc, scorer);
        }

        FinishSubmission();
        currentSubmission = -1;
    }

    /// <summary>Facet counts, most frequent first (ties by value), at most <paramref name="limit"/> each.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> FacetCounts(IReadOnlyList<SubmissionCollector> slices, int limit)
    {
        foreach (var slice in slices)
        {
            slice.FlushSegmentCounts();
        }

        return PassageFields.Facets
            .Select((facet, i) => (facet, values: FacetTally.Top(slices.Select(s => s.tallies[i]), limit)))
            .ToDictionary(x => x.facet, x => x.values);
    }

    public void Dispose() => Groups.Dispose();

    private void StartSegment(AtomicReaderContext context, SegmentColumns columns)
    {
        FlushSegmentCounts();
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

        currentSubmission = -1;
    }

    private void Collect(int doc, Scorer scorer)
    {
        var submissionId = submissionIds![doc];
        if (submissionId != currentSubmission)
        {
            FinishSubmission();
            StartSubmission(submissionId);
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

        if (failed < 0)
        {
            AddHit(doc, scorer.GetScore());
            for (var f = 0; f < FacetCount; f++)
            {
                CountFacet(doc, f);
            }
        }
        else
        {
            CountFacet(doc, facetOfFilter[failed]);
        }
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

    private void StartSubmission(long submissionId)
    {
        currentSubmission = submissionId;
        currentCounted = 0;
        currentValues.Clear();
        currentBestCount = 0;
        currentTopCount = 0;
        currentFirstHit = -1;
    }

    /// <summary>Keeps the submission just collected, if any of its passages passed every filter.</summary>
    private void FinishSubmission()
    {
        if (currentFirstHit < 0)
        {
            return;
        }

        var reference = string.Empty;
        if (references is not null)
        {
            references.Range(currentFirstHit, out var start, out var end);
            reference = end > start ? references.Label(references.At(start)) : string.Empty;
        }

        Groups.Add(currentSubmission, reference, received[currentFirstHit], CombinedScore(),
            currentBestDocs.AsSpan(0, currentBestCount), currentBestScores.AsSpan(0, currentBestCount));
        currentFirstHit = -1;
    }

    /// <summary>The submission's score from its best passages' (<see cref="SubmissionRanking"/>).</summary>
    private float CombinedScore()
    {
        var score = 0f;
        var weight = 1f;
        for (var i = 0; i < currentTopCount; i++)
        {
            score += weight * currentTopScores[i];
            weight *= SubmissionRanking.Decay;
        }

        return score;
    }

    /// <summary>Keeps the submission's top scores (for its combined score), in descending order.</summary>
    private void AddTopScore(float score)
    {
        var top = currentTopScores;
        if (currentTopCount == top.Length && score <= top[^1])
        {
            return;
        }

        var at = Math.Min(currentTopCount, top.Length - 1);
        while (at > 0 && top[at - 1] < score)
        {
            if (at < top.Length)
            {
                top[at] = top[at - 1];
            }

            at--;
        }

        top[at] = score;
        currentTopCount = Math.Min(currentTopCount + 1, top.Length);
    }

    /// <summary>Offers a passage to the submission's best ones, kept in score order (ties keep the earlier passage).</summary>
    private void AddHit(int doc, float score)
    {
        if (currentFirstHit < 0)
        {
            currentFirstHit = doc;
        }

        AddTopScore(score);
        var capacity = currentBestDocs.Length;
        if (currentBestCount == capacity && (capacity == 0 || score <= currentBestScores[capacity - 1]))
        {
            return;
        }

        var at = 0;
        while (at < currentBestCount && score <= currentBestScores[at])
        {
            at++;
        }

        var last = Math.Min(currentBestCount, capacity - 1);
        Array.Copy(currentBestDocs, at, currentBestDocs, at + 1, last - at);
        Array.Copy(currentBestScores, at, currentBestScores, at + 1, last - at);
        currentBestDocs[at] = docBase + doc;
        currentBestScores[at] = score;
        currentBestCount = Math.Min(currentBestCount + 1, capacity);
    }

    private void CountFacet(int doc, int facet)
    {
        if (facetValues[facet] is not { } values)
        {
            return;
        }

        var tally = tallies[facet];
        if (!PassageLevel[facet])
        {
            // Every passage of a submission carries the same value: count the submission once.
            var bit = 1 << facet;
            if ((currentCounted & bit) != 0)
            {
                return;
            }

            currentCounted |= bit;
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
            if (!currentValues.Contains((facet, value)))
            {
                currentValues.Add((facet, value));
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
}
