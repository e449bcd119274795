namespace EvidenceHub.Search;

/// <summary>One matching submission while collecting: its best score and its best passages.</summary>
internal sealed class SubmissionGroup(long submissionId, string reference, long received, int capacity)
{
    private readonly List<(int Doc, float Score)> best = new(capacity);

    public long SubmissionId { get; } = submissionId;

    public string Reference { get; } = reference;

    public long Received { get; } = received;

    public float Score { get; private set; } = float.NegativeInfinity;

    public IReadOnlyList<(int Doc, float Score)> Best => best;

    public void Offer(int globalDoc, float score)
    {
        Score = Math.Max(Score, score);
        if (best.Count == capacity && score <= best[^1].Score)
        {
            return;
        }

        // A plain loop, not FindIndex: a lambda capturing the score would allocate for every passage offered.
        var at = 0;
        while (at < best.Count && score <= best[at].Score)
        {
            at++;
        }

        best.Insert(at, (globalDoc, score));
        if (best.Count > capacity)
        {
            best.RemoveAt(best.Count - 1);
        }
    }
}
