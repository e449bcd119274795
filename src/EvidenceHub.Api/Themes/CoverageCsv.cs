using System.Globalization;
using System.Text;
using EvidenceHub.Core.Csv;

namespace EvidenceHub.Api.Themes;

/// <summary>
/// Coverage as a spreadsheet: one row per theme, one column per submitter category. Theme names are typed by
/// researchers, so every cell goes through <see cref="CsvCell"/> (a name like <c>=cmd|…</c> is never run as a formula).
/// </summary>
public static class CoverageCsv
{
    public static string Write(CoverageDto coverage)
    {
        var csv = new StringBuilder();
        CsvCell.AppendRow(csv, ["theme", "submissions", .. coverage.Categories, ThemeCoverage.Uncategorised]);
        foreach (var theme in coverage.Themes)
        {
            CsvCell.AppendRow(csv,
                [theme.Name, Num(theme.Submissions), .. coverage.Categories.Select(c => Num(theme.ByCategory[c])), Num(theme.Uncategorised)]);
        }

        return csv.ToString();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
