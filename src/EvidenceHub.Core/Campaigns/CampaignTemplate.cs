namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// What the copies of a campaign have in common: the shingles found in at least a tenth of its members (and in
/// two at least). A member's passage is the template's when half its shingles or more are template shingles;
/// otherwise, if it has <see cref="MinOwnWords"/> words or more, it is the member's own words. A greeting or a
/// signature line that differs is neither: too short to be worth a report's attention.
/// </summary>
public sealed class CampaignTemplate(IReadOnlySet<ulong> shingles)
{
    public const int MinOwnWords = 8;

    private const double TemplateShare = 0.5;

    public IReadOnlySet<ulong> Shingles { get; } = shingles;

    /// <param name="members">Each member's passages, as text.</param>
    public static CampaignTemplate Build(IReadOnlyList<IReadOnlyList<string>> members)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var member in members)
        {
            var own = new HashSet<ulong>();
            foreach (var passage in member)
            {
                Campaigns.Shingles.AddPassage(passage, own);
            }

            foreach (var s in own)
            {
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }
        }

        var needed = Math.Max(2, (int)Math.Ceiling(members.Count * 0.1));
        return new CampaignTemplate(counts.Where(kv => kv.Value >= needed).Select(kv => kv.Key).ToHashSet());
    }

    public bool Holds(string passage)
    {
        var own = Campaigns.Shingles.OfPassage(passage);
        return own.Count > 0 && own.Count(Shingles.Contains) >= TemplateShare * own.Count;
    }

    public bool IsOwnWords(string passage) => !Holds(passage) && Campaigns.Shingles.WordCount(passage) >= MinOwnWords;

    public uint[] Signature() => MinHash.Signature(Shingles.ToList());

    public byte[] ToBytes()
    {
        var values = Shingles.Order().ToArray();
        var bytes = new byte[values.Length * sizeof(ulong)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static CampaignTemplate FromBytes(byte[] bytes)
    {
        var values = new ulong[bytes.Length / sizeof(ulong)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(ulong));
        return new CampaignTemplate(values.ToHashSet());
    }
}
