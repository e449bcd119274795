using System.Globalization;
using System.Net;
using System.Text;

namespace EvidenceHub.Api.Themes;

/// <summary>
/// Co-occurrence as a printable matrix: a row and a column per theme, each cell the submissions carrying both,
/// shaded by its share of the largest cell (grey, so it prints in black and white) with the number written in
/// it; the diagonal, each theme's own total, in bold. Plain SVG 1.1, system fonts, every label escaped.
/// </summary>
public static class CooccurrenceChart
{
    private const int Cell = 44;
    private const int LabelWidth = 220;
    private const int Margin = 20;
    private const int Heading = 50;

    public static string Svg(CooccurrenceDto result, string title)
    {
        var n = result.Themes.Count;
        var width = Margin * 2 + LabelWidth + Math.Max(1, n) * Cell;
        var height = Margin * 2 + Heading + LabelWidth + Math.Max(1, n) * Cell;
        var max = 1;
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                max = Math.Max(max, a == b ? 0 : ThemeCooccurrence.Count(result, a, b));
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Esc($"Submissions carrying both themes — {title} ({result.Inquiry})")}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#FFFFFF\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Margin + 16}\" font-size=\"17\" font-weight=\"bold\" fill=\"#111111\">{Esc($"Submissions carrying both themes ({result.Inquiry})")}</text>\n");
        var top = Margin + Heading + LabelWidth;
        var left = Margin + LabelWidth;
        for (var i = 0; i < n; i++)
        {
            var name = Esc(result.Themes[i].Name);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{top + i * Cell + Cell / 2 + 5}\" font-size=\"12\" text-anchor=\"end\" fill=\"#111111\">{name}</text>\n");
            var x = left + i * Cell + Cell / 2 + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top - 8}\" font-size=\"12\" fill=\"#111111\" transform=\"rotate(-60 {x} {top - 8})\">{name}</text>\n");
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var count = ThemeCooccurrence.Count(result, a, b);
                var diagonal = a == b;
                var share = diagonal ? 0 : (double)count / max;
                var grey = (int)Math.Round(255 - share * 150);
                var fill = diagonal ? "#FFFFFF" : $"#{grey:X2}{grey:X2}{grey:X2}";
                var (x, y) = (left + b * Cell, top + a * Cell);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{fill}\" stroke=\"#555555\" stroke-width=\"1\"/>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + Cell / 2}\" y=\"{y + Cell / 2 + 5}\" font-size=\"13\" text-anchor=\"middle\"{(diagonal ? " font-weight=\"bold\"" : string.Empty)} fill=\"#111111\">{count}</text>\n");
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
