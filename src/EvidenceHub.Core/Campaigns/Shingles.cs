namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// A text as word shingles: every run of <see cref="Size"/> consecutive words, lower-cased, hashed to 64 bits.
/// Shingles never cross a passage boundary, so copies that reorder paragraphs share the same shingles, and a
/// typo costs only the few shingles that hold the word.
/// </summary>
public static class Shingles
{
    public const int Size = 4;

    /// <summary>The distinct shingle hashes of one passage; a passage shorter than <see cref="Size"/> words is one shingle of all of them.</summary>
    public static void AddPassage(string text, HashSet<ulong> into)
    {
        Span<ulong> window = stackalloc ulong[Size];
        var words = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start < 0)
            {
                continue;
            }

            window[words % Size] = WordHash(text.AsSpan(start, i - start));
            words++;
            start = -1;
            if (words >= Size)
            {
                into.Add(Combine(window, words));
            }
        }

        if (words is > 0 and < Size)
        {
            into.Add(Combine(window, words));
        }
    }

    /// <summary>The distinct shingles of one passage.</summary>
    public static HashSet<ulong> OfPassage(string text)
    {
        var set = new HashSet<ulong>();
        AddPassage(text, set);
        return set;
    }

    /// <summary>How many words a passage has, as the shingles count them.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>FNV-1a over the lower-cased characters, finished with a 64-bit mix.</summary>
    private static ulong WordHash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>The last <paramref name="words"/> (at most <see cref="Size"/>) words of the ring, in order.</summary>
    private static ulong Combine(ReadOnlySpan<ulong> ring, int words)
    {
        var n = Math.Min(words, Size);
        var h = 0x9E3779B97F4A7C15UL;
        for (var k = 0; k < n; k++)
        {
            var word = ring[(words - n + k) % Size];
            h = Mix(h ^ word) + (ulong)k;
        }

        return Mix(h);
    }

    /// <summary>SplitMix64's finaliser.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
