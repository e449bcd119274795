namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Groups a whole inquiry's texts into campaigns in one pass: locality-sensitive hashing on the signatures'
/// bands proposes candidates, <see cref="TextSimilarity.Alike"/> verifies them, and alike pairs are joined
/// (union–find). A group of at least <see cref="MinSize"/> texts is a campaign.
/// </summary>
/// <remarks>
/// A template sent 5,000 times puts 5,000 texts in the same bucket of every band. Comparing each pair would be
/// 12 million checks a band, so a text in a bucket is checked only against a few representatives of the groups
/// already met in that bucket, and not at all when it is already joined to one of them.
/// </remarks>
public static class CampaignClustering
{
    /// <summary>The fewest copies that make a campaign (two alike letters may be a co-signed pair).</summary>
    public const int MinSize = 3;

    private const int RepresentativesPerBucket = 8;

    /// <summary>For each text, its group's number (0, 1, …), or -1 when it belongs to no campaign.</summary>
    public static int[] Cluster(IReadOnlyList<TextFingerprint> texts)
    {
        var n = texts.Count;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var comparable = Enumerable.Range(0, n).Where(i => texts[i].Comparable).ToArray();
        var bucket = new (long Key, int Text)[comparable.Length];
        var representatives = new List<int>(RepresentativesPerBucket);
        for (var band = 0; band < MinHash.Bands; band++)
        {
            for (var k = 0; k < comparable.Length; k++)
            {
                var i = comparable[k];
                bucket[k] = (MinHash.BandKey(texts[i].Signature, band), i);
            }

            Array.Sort(bucket);
            for (var start = 0; start < bucket.Length;)
            {
                var end = start + 1;
                while (end < bucket.Length && bucket[end].Key == bucket[start].Key)
                {
                    end++;
                }

                if (end - start > 1)
                {
                    JoinBucket(texts, parent, bucket.AsSpan(start, end - start), representatives);
                }

                start = end;
            }
        }

        return Number(parent);
    }

    private static void JoinBucket(IReadOnlyList<TextFingerprint> texts, int[] parent, ReadOnlySpan<(long Key, int Text)> members, List<int> representatives)
    {
        representatives.Clear();
        foreach (var (_, text) in members)
        {
            var root = Find(parent, text);
            var joined = false;
            foreach (var r in representatives)
            {
                if (Find(parent, r) == root)
                {
                    joined = true;
                    break;
                }
            }

            for (var k = 0; !joined && k < representatives.Count; k++)
            {
                if (TextSimilarity.Alike(texts[text], texts[representatives[k]], out _))
                {
                    parent[Find(parent, representatives[k])] = root;
                    joined = true;
                }
            }

            if (!joined && representatives.Count < RepresentativesPerBucket)
            {
                representatives.Add(text);
            }
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static int[] Number(int[] parent)
    {
        var n = parent.Length;
        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            size[Find(parent, i)]++;
        }

        var number = new Dictionary<int, int>();
        var result = new int[n];
        for (var i = 0; i < n; i++)
        {
            var root = Find(parent, i);
            if (size[root] < MinSize)
            {
                result[i] = -1;
                continue;
            }

            if (!number.TryGetValue(root, out var g))
            {
                g = number.Count;
                number[root] = g;
            }

            result[i] = g;
        }

        return result;
    }
}
