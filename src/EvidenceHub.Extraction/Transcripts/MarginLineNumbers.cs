using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>A transcript line with the number printed in its margin (null where none is printed).</summary>
internal sealed record NumberedLine(SourceLine Line, int? Number);

/// <summary>
/// A hearing transcript numbers every line of a page in the margin (1 to 25 or so). Where most lines start with a
/// number that counts up by one, the number is taken off the text and kept as the line's number; in a text file
/// (which has no pages) a count that starts again at 1 starts a new page. Lines that are only a number are dropped.
/// </summary>
internal static partial class MarginLineNumbers
{
    private const int MaxLineNumber = 80;

    [GeneratedRegex(@"^(?<n>\d{1,2})(?:\s+(?<rest>\S.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    public static IReadOnlyList<NumberedLine> Read(IReadOnlyList<SourceLine> lines)
    {
        if (!IsNumbered(lines))
        {
            return lines.Select(l => new NumberedLine(l, null)).ToList();
        }

        var result = new List<NumberedLine>(lines.Count);
        var previous = 0;
        var inferredPage = 1;
        int? lastSourcePage = null;
        foreach (var line in lines)
        {
            var match = Numbered().Match(line.Text);
            var number = match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : (int?)null;
            if (number is null or > MaxLineNumber)
            {
                result.Add(new NumberedLine(WithPage(line, line.Page ?? inferredPage), null));
                continue;
            }

            if (line.Page is { } sourcePage && sourcePage != lastSourcePage)
            {
                lastSourcePage = sourcePage;
                previous = 0;
            }

            var rest = match.Groups["rest"].Value;
            if (rest.Length == 0)
            {
                // A blank numbered line, or the page's own number at its foot (which ends the page).
                if (number == previous + 1)
                {
                    previous = number.Value;
                }
                else if (line.Page is null)
                {
                    inferredPage++;
                    previous = 0;
                }

                continue;
            }

            if (line.Page is null && number <= previous && number <= 2)
            {
                inferredPage++;
            }

            previous = number.Value;

            // A numbered line whose text is indented further than the margin starts a paragraph in the printed page.
            result.Add(new NumberedLine(WithPage(line, line.Page ?? inferredPage) with { Text = rest }, number));
        }

        return result;
    }

    /// <summary>Most lines carry a number, and the numbers mostly count up by one.</summary>
    private static bool IsNumbered(IReadOnlyList<SourceLine> lines)
    {
        var numbered = 0;
        var sequential = 0;
        var previous = 0;
        foreach (var line in lines)
        {
            var match = Numbered().Match(line.Text);
            if (!match.Success)
            {
                continue;
            }

            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            numbered++;
            if (number == previous + 1 || (number == 1 && previous > 1))
            {
                sequential++;
            }

            previous = number;
        }

        return lines.Count >= 5 && numbered * 2 >= lines.Count && sequential * 10 >= numbered * 7;
    }

    private static SourceLine WithPage(SourceLine line, int page) => line.Page == page ? line : line with { Page = page };
}
