using System.Globalization;
using System.Net;
using System.Text;

namespace EvidenceHub.Api.Themes;

/// <summary>
/// Coverage as an SVG bar chart a researcher can paste into a paper: for each theme a heading with its
/// total, then one bar per submitter category in the theme's colour with the count at the bar's end.
/// Plain SVG 1.1 with system fonts, no script, every label escaped.
/// </summary>
public static class CoverageChart
{
    private const int Width = 820;
    private const int LabelWidth = 200;
    private const int BarHeight = 18;
    private const int RowGap = 6;
    private const int HeadingHeight = 30;
    private const int Margin = 20;

    public static string Svg(CoverageDto coverage, string title)
    {
        var rows = coverage.Themes.Select(t => (Theme: t, Bars: Bars(coverage, t))).ToList();
        var max = Math.Max(1, rows.SelectMany(r => r.Bars).Select(b => b.Count).DefaultIfEmpty(0).Max());
        var barSpace = Width - LabelWidth - Margin * 2 - 40;
        var height = Margin * 2 + 40 + rows.Sum(r => HeadingHeight + Math.Max(1, r.Bars.Count) * (BarHeight + RowGap)) + 10;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Esc($"Submissions per theme and submitter category — {title} ({coverage.Inquiry})")}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#FFFFFF\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Margin + 16}\" font-size=\"17\" font-weight=\"bold\" fill=\"#111111\">{Esc($"Submissions per theme ({coverage.Inquiry})")}</text>\n");
        var y = Margin + 40;
        foreach (var (theme, bars) in rows)
        {
            y += HeadingHeight;
            var noun = theme.Submissions == 1 ? "submission" : "submissions";
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin}\" y=\"{y - 15}\" width=\"12\" height=\"12\" fill=\"{Esc(theme.Colour)}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + 18}\" y=\"{y - 4}\" font-size=\"14\" font-weight=\"bold\" fill=\"#111111\">{Esc(theme.Name)} — {theme.Submissions} {noun}</text>\n");
            if (bars.Count == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + LabelWidth}\" y=\"{y + 13}\" font-size=\"12\" fill=\"#555555\">no submissions</text>\n");
                y += BarHeight + RowGap;
                continue;
            }

            foreach (var (label, count) in bars)
            {
                var w = Math.Max(2, (int)Math.Round((double)count / max * barSpace));
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + LabelWidth - 8}\" y=\"{y + 13}\" font-size=\"12\" text-anchor=\"end\" fill=\"#222222\">{Esc(label)}</text>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin + LabelWidth}\" y=\"{y}\" width=\"{w}\" height=\"{BarHeight}\" fill=\"{Esc(theme.Colour)}\"/>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + LabelWidth + w + 6}\" y=\"{y + 13}\" font-size=\"12\" font-weight=\"bold\" fill=\"#111111\">{count}</text>\n");
                y += BarHeight + RowGap;
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static List<(string Label, int Count)> Bars(CoverageDto coverage, ThemeCoverageDto theme)
    {
        var bars = coverage.Categories.Where(c => theme.ByCategory[c] > 0)
            .Select(c => (ThemeCoverage.Label(c), theme.ByCategory[c])).ToList();
        if (theme.Uncategorised > 0)
        {
            bars.Add((ThemeCoverage.Label(ThemeCoverage.Uncategorised), theme.Uncategorised));
        }

        return bars;
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
