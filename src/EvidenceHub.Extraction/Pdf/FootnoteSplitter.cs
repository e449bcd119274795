using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Finds footnotes: a run of lines in a smaller font than the page's body text, in the lower half of the page,
/// with no body-size text below it, whose first line starts with a marker (<c>1</c>, <c>*</c>, <c>†</c>, <c>²</c>).
/// Each marker line starts a new footnote.
/// </summary>
internal static partial class FootnoteSplitter
{
    [GeneratedRegex(@"^(?:\d{1,3}|[*†‡§¶]{1,3}|[¹²³⁰⁴-⁹]{1,3})(?=[\s\p{L}\p{Pi}""'(\[])", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    public static (IReadOnlyList<PdfLayoutLine> Body, IReadOnlyList<IReadOnlyList<PdfLayoutLine>> Footnotes) Split(
        PdfPageLines page, double bodySize)
    {
        var lines = page.Lines;
        if (lines.Count < 2)
        {
            return (lines, []);
        }

        bool IsSmall(PdfLayoutLine l) => l.FontSize < bodySize * 0.88 && l.Top < page.Height * 0.5;
        bool NothingBigBelow(PdfLayoutLine l) => !lines.Any(o => !IsSmall(o) && o.Top < l.Bottom
            && o.Left < l.Right && o.Right > l.Left);

        var isFootnote = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsSmall(lines[i]) || !NothingBigBelow(lines[i]))
            {
                continue;
            }

            // A run belongs to footnotes when it opens with a marker, or continues a footnote above it.
            isFootnote[i] = Marker().IsMatch(lines[i].Text) || (i > 0 && isFootnote[i - 1]);
        }

        var body = new List<PdfLayoutLine>();
        var footnotes = new List<List<PdfLayoutLine>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!isFootnote[i])
            {
                body.Add(lines[i]);
            }
            else if (Marker().IsMatch(lines[i].Text) || i == 0 || !isFootnote[i - 1])
            {
                footnotes.Add([lines[i]]);
            }
            else
            {
                footnotes[^1].Add(lines[i]);
            }
        }

        return (body, footnotes);
    }

    /// <summary>The size most of the document's characters are set in (a page may hold more footnote than text).</summary>
    public static double BodyFontSize(IEnumerable<PdfLayoutLine> lines) =>
        lines.GroupBy(l => Math.Round(l.FontSize * 2) / 2)
            .OrderByDescending(g => g.Sum(l => l.Text.Length))
            .Select(g => g.Key)
            .FirstOrDefault();
}
