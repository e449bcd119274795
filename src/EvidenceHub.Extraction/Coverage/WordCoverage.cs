using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Coverage;

/// <summary>
/// No silent loss: the share of the words of a file's text layer that its passages (text, speaker, section, time,
/// labels) and its metadata (names and values) hold. Words are runs of two or more letters and digits with at least one
/// letter, compared without case and counted with repeats (a word printed five times must be found five times).
/// Numbers alone are left out (page and line numbers are locations, not text), and so are single letters.
/// </summary>
public static partial class WordCoverage
{
    /// <summary>Below this a submission says plainly that words of its file are missing from its passages.</summary>
    public const double Required = 0.98;

    [GeneratedRegex(@"\b[a-z][a-z0-9+.\-]*://\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    /// <summary>
    /// The share (0 to 1) of the text layer's words found in the document (or in the page furniture its reading left
    /// out on purpose); 1 where the layer has none.
    /// </summary>
    public static double Measure(IEnumerable<string> textLayer, ExtractedDocument document, IEnumerable<string>? furniture = null)
    {
        var layer = Count(textLayer);
        var total = layer.Values.Sum(v => (long)v);
        if (total == 0)
        {
            return 1;
        }

        var found = Count(Texts(document).Concat(furniture ?? []));
        long covered = 0;
        foreach (var (word, count) in layer)
        {
            covered += Math.Min(count, found.GetValueOrDefault(word));
        }

        return (double)covered / total;
    }

    /// <summary>The words of a document, counted (one pass over the characters; web addresses left out).</summary>
    public static Dictionary<string, int> Count(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        foreach (var raw in texts)
        {
            var text = raw.Contains("://", StringComparison.Ordinal) ? Url().Replace(raw, " ") : raw;
            var start = -1;
            var letter = false;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    start = start < 0 ? i : start;
                    letter |= char.IsLetter(text[i]);
                    continue;
                }

                if (start >= 0 && letter && i - start >= 2)
                {
                    var word = text.AsSpan(start, i - start);
                    var buffer = word.Length <= lower.Length ? lower[..word.Length] : new char[word.Length];
                    word.ToLowerInvariant(buffer);
                    ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, buffer, out _);
                    count++;
                }

                start = -1;
                letter = false;
            }
        }

        return counts;
    }

    private static IEnumerable<string> Texts(ExtractedDocument document)
    {
        foreach (var (key, value) in document.Metadata)
        {
            yield return key;
            yield return value;
        }

        string? section = null;
        foreach (var p in document.Passages)
        {
            yield return p.Text;
            if (p.Question is not null)
            {
                yield return p.Question;
            }

            if (p.Speaker is not null)
            {
                yield return p.Speaker;
            }

            if (p.Section is not null && p.Section != section)
            {
                section = p.Section;
                yield return p.Section;
            }

            if (p.Time is not null)
            {
                yield return p.Time;
            }
        }
    }

    /// <summary>The plain words the clerk's desk and the record show when coverage is short.</summary>
    public static string? Warning(double? coverage) => coverage is { } c && c < Required
        ? $"Only {Math.Floor(c * 1000) / 10:0.#}% of the words in this file are in its passages (at least {Required * 100:0}% expected): "
          + "some of its text may be missing from search. Check the passages against the file; uploading it as the other kind (written or oral), or as PDF or Word instead of text, may read it better."
        : null;
}
