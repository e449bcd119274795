namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// MinHash signatures of shingle sets: <see cref="Length"/> hash functions (multiply-shift with fixed odd
/// multipliers), each keeping the least value over the set. The share of positions where two signatures agree
/// estimates the Jaccard similarity of the two sets. For candidates, the signature is cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> rows (locality-sensitive hashing): two submissions whose
/// sets are similar share at least one band's key with high probability (about 50% at Jaccard 0.28, 99% at 0.5),
/// unrelated ones almost never.
/// </summary>
public static class MinHash
{
    public const int Bands = 40;
    public const int Rows = 3;
    public const int Length = Bands * Rows;

    private static readonly ulong[] Multipliers = Constants(0x5EED_CA11_AB1E_0001UL);
    private static readonly ulong[] Offsets = Constants(0x0FF5_E7C0_FFEE_0002UL);

    public static uint[] Signature(IReadOnlyCollection<ulong> shingles)
    {
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        foreach (var x in shingles)
        {
            for (var i = 0; i < Length; i++)
            {
                var h = (uint)((x * Multipliers[i] + Offsets[i]) >> 32);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where the signatures agree.</summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / Length;
    }

    /// <summary>Band <paramref name="band"/>'s key: its rows and its number hashed together (so bands never collide with each other).</summary>
    public static long BandKey(ReadOnlySpan<uint> signature, int band)
    {
        var h = Shingles.Mix((ulong)band + 1);
        for (var r = 0; r < Rows; r++)
        {
            h = Shingles.Mix(h ^ signature[band * Rows + r]);
        }

        return (long)h;
    }

    public static long[] BandKeys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            keys[b] = BandKey(signature, b);
        }

        return keys;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * sizeof(uint)];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        var signature = new uint[bytes.Length / sizeof(uint)];
        Buffer.BlockCopy(bytes, 0, signature, 0, signature.Length * sizeof(uint));
        return signature;
    }

    private static ulong[] Constants(ulong seed)
    {
        var values = new ulong[Length];
        var state = seed;
        for (var i = 0; i < Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            values[i] = Shingles.Mix(state) | 1; // odd: multiply-shift needs an odd multiplier
        }

        return values;
    }
}
