namespace EvidenceHub.Core.Campaigns;

/// <summary>A submission's text as campaign detection compares it: its MinHash signature and how many distinct shingles it has.</summary>
public sealed record TextFingerprint(uint[] Signature, int ShingleCount)
{
    /// <summary>Fewer distinct shingles than this (a line or two) is too little text to call a copy of anything.</summary>
    public const int MinShingles = 8;

    public bool Comparable => ShingleCount >= MinShingles;

    public static TextFingerprint Of(IEnumerable<string> passages)
    {
        var shingles = new HashSet<ulong>();
        foreach (var passage in passages)
        {
            Shingles.AddPassage(passage, shingles);
        }

        return new TextFingerprint(MinHash.Signature(shingles), shingles.Count);
    }
}

/// <summary>
/// The verified similarity of two texts. Jaccard alone punishes a copy that adds a long paragraph of its own
/// or drops half the template, so a pair also counts as alike when most of the smaller text's shingles are in
/// the larger (containment, from the estimated Jaccard and the two set sizes).
/// </summary>
public static class TextSimilarity
{
    public const double MinJaccard = 0.2;
    public const double MinContainment = 0.5;

    /// <summary>|A ∩ B| / min(|A|, |B|), estimated: |A ∩ B| = J / (1 + J) · (|A| + |B|).</summary>
    public static double Containment(double jaccard, int a, int b) =>
        Math.Min(1, jaccard / (1 + jaccard) * (a + b) / Math.Max(1, Math.Min(a, b)));

    public static bool Alike(TextFingerprint a, TextFingerprint b, out double jaccard)
    {
        jaccard = MinHash.Jaccard(a.Signature, b.Signature);
        return a.Comparable && b.Comparable && jaccard >= MinJaccard
            && Containment(jaccard, a.ShingleCount, b.ShingleCount) >= MinContainment;
    }
}
