using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Keeps running headers, footers and page numbers out of the text: a line near the top or bottom edge whose
/// text (numbers ignored) recurs at the same height on other pages, or an edge line that is only a page number.
/// </summary>
internal static partial class RunningHeaderFilter
{
    // Word puts headers and footers about 35pt from the edge and body text from about 72pt: 8% of A4 is 67pt.
    private const double EdgeBand = 0.08;

    [GeneratedRegex(@"^(?:page\s+)?[-–—\s]*(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public static IReadOnlyList<PdfPageLines> Apply(IReadOnlyList<PdfPageLines> pages)
    {
        var pagesWithText = pages.Count(p => p.Lines.Count > 0);
        var occurrences = pages
            .SelectMany(p => p.Lines.Where(l => IsNearEdge(l, p)).Select(l => (Key: Key(l), p.Number)).Distinct())
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Count());

        // Alternating odd/even headers recur on half the pages; a two-page letter's footer on both.
        var needed = Math.Max(2, (int)Math.Ceiling(pagesWithText * 0.3));
        return pages
            .Select(p => p with
            {
                Lines = p.Lines
                    .Where(l => !IsNearEdge(l, p)
                        || (occurrences[Key(l)] < needed && !(IsOutermost(l, p) && PageNumber().IsMatch(l.Text))))
                    .ToList(),
            })
            .ToList();
    }

    private static bool IsNearEdge(PdfLayoutLine line, PdfPageLines page) =>
        page.Height > 0 && (line.Bottom > page.Height * (1 - EdgeBand) || line.Top < page.Height * EdgeBand);

    private static bool IsOutermost(PdfLayoutLine line, PdfPageLines page) =>
        line.Top >= page.Lines.Max(l => l.Top) - 1 || line.Bottom <= page.Lines.Min(l => l.Bottom) + 1;

    /// <summary>Same text with numbers blanked, at the same height to within a few points.</summary>
    private static string Key(PdfLayoutLine line) =>
        $"{Math.Round(line.Baseline / 4)}|{Digits().Replace(line.Text.ToLowerInvariant(), "#")}";
}
