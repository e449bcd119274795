using System.Buffers;

namespace EvidenceHub.Search;

/// <summary>
/// The matching submissions of one slice of a search, as columns in pooled arrays (a search at 1M
/// passages can match 50,000 submissions; an object each kept the garbage collector busy). Only the
/// page that is shown becomes <see cref="SubmissionGroup"/>s.
/// </summary>
internal sealed class CollectedGroups(int passagesPerHit) : IDisposable
{
    private long[] ids = [];
    private string[] references = [];
    private int[] received = [];
    private float[] scores = [];
    private int[] bestCounts = [];
    private int[] bestDocs = [];
    private float[] bestScores = [];

    public int PassagesPerHit { get; } = passagesPerHit;

    public int Count { get; private set; }

    public long SubmissionId(int i) => ids[i];

    public string Reference(int i) => references[i];

    public int Received(int i) => received[i];

    public float Score(int i) => scores[i];

    public void Add(long submissionId, string reference, int receivedOn, float score, ReadOnlySpan<int> docs, ReadOnlySpan<float> docScores)
    {
        if (Count == ids.Length)
        {
            Grow(Math.Max(1024, Count * 2));
        }

        ids[Count] = submissionId;
        references[Count] = reference;
        received[Count] = receivedOn;
        scores[Count] = score;
        bestCounts[Count] = docs.Length;
        docs.CopyTo(bestDocs.AsSpan(Count * PassagesPerHit));
        docScores.CopyTo(bestScores.AsSpan(Count * PassagesPerHit));
        Count++;
    }

    /// <summary>Row <paramref name="i"/> as a group, with its best passages in score order.</summary>
    public SubmissionGroup ToGroup(int i)
    {
        var best = new (int Doc, float Score)[bestCounts[i]];
        for (var j = 0; j < best.Length; j++)
        {
            best[j] = (bestDocs[i * PassagesPerHit + j], bestScores[i * PassagesPerHit + j]);
        }

        return new SubmissionGroup(ids[i], references[i], received[i], scores[i], best);
    }

    public void Dispose()
    {
        Return(ref ids);
        Return(ref references, clear: true);
        Return(ref received);
        Return(ref scores);
        Return(ref bestCounts);
        Return(ref bestDocs);
        Return(ref bestScores);
        Count = 0;
    }

    private void Grow(int size)
    {
        Resize(ref ids, size);
        Resize(ref references, size);
        Resize(ref received, size);
        Resize(ref scores, size);
        Resize(ref bestCounts, size);
        Resize(ref bestDocs, size * PassagesPerHit);
        Resize(ref bestScores, size * PassagesPerHit);
    }

    private void Resize<T>(ref T[] array, int size)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(size, 1));
        array.AsSpan(0, Math.Min(array.Length, larger.Length)).CopyTo(larger);
        Return(ref array, clear: typeof(T) == typeof(string));
        array = larger;
    }

    private static void Return<T>(ref T[] array, bool clear = false)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clear);
        }

        array = [];
    }
}
