namespace EvidenceHub.Search;

/// <summary>One matching submission while collecting: its best score and its best passages.</summary>
internal sealed class SubmissionGroup(long submissionId, string reference, long received, int capacity)
{
    // A fixed array kept in score order: Offer runs for every matching passage, and inserting into a full
    // List before trimming it reallocated the list's array each time.
    private readonly (int Doc, float Score)[] best = new (int, float)[Math.Max(capacity, 0)];
    private int count;

    public long SubmissionId { get; } = submissionId;

    public string Reference { get; } = reference;

    public long Received { get; } = received;

    public float Score { get; private set; } = float.NegativeInfinity;

    public IReadOnlyList<(int Doc, float Score)> Best => best[..count];

    public void Offer(int globalDoc, float score)
    {
        Score = Math.Max(Score, score);
        if (count == best.Length && (count == 0 || score <= best[count - 1].Score))
        {
            return;
        }

        // The first passage with a lower score than this one: ties keep the passage offered first.
        var at = 0;
        while (at < count && score <= best[at].Score)
        {
            at++;
        }

        var last = Math.Min(count, best.Length - 1);
        Array.Copy(best, at, best, at + 1, last - at);
        best[at] = (globalDoc, score);
        count = Math.Min(count + 1, best.Length);
    }
}
