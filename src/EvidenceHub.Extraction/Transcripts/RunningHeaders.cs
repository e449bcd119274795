using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// Drops page furniture that breaks into answers when a transcript is read line by line: page numbers,
/// "Oral evidence: …, HC 245  3" running heads, and any short line repeated on three or more pages.
/// </summary>
internal static partial class RunningHeaders
{
    private const int MaxHeaderLength = 150;

    [GeneratedRegex(@"^(?:Page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:\d{1,4}\s+)?(?:Oral evidence|Ev|Minutes of evidence)\b.*?(?:HC\s*\d+[\w\-]*)(?:\s+\d{1,4})?$|^(?:Ev\s*\d+|\d{1,4}\s+Ev)\b.{0,80}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunningHead();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>A test for page furniture, learnt from the whole transcript (a running head repeats on every page).</summary>
    public static Func<SourceLine, bool> Detect(IReadOnlyList<SourceLine> lines)
    {
        var repeated = lines
            .Where(l => l.Text.Length <= MaxHeaderLength)
            .GroupBy(l => Key(l.Text))
            .Where(g => g.Select(l => l.Page).Distinct().Count() >= 3 && g.All(l => TurnStart.Match(l.Text) is null))
            .Select(g => g.Key)
            .ToHashSet();

        return line => PageNumber().IsMatch(line.Text) || RunningHead().IsMatch(line.Text) || repeated.Contains(Key(line.Text));
    }

    /// <summary>Only the lines repeated on three or more pages: page furniture even before the first turn.</summary>
    public static Func<SourceLine, bool> DetectRepeated(IReadOnlyList<SourceLine> lines)
    {
        var repeated = lines
            .Where(l => l.Page is not null && l.Text.Length <= MaxHeaderLength)
            .GroupBy(l => Key(l.Text))
            .Where(g => g.Select(l => l.Page).Distinct().Count() >= 3 && g.All(l => TurnStart.Match(l.Text) is null))
            .Select(g => g.Key)
            .ToHashSet();
        return line => repeated.Contains(Key(line.Text));
    }

    private static string Key(string text) => Digits().Replace(text.Trim(), "#");
}
