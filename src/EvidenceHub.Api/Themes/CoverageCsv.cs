using System.Text;

namespace EvidenceHub.Api.Themes;

/// <summary>Coverage as a spreadsheet: one row per theme, one column per submitter category.</summary>
public static class CoverageCsv
{
    public static string Write(CoverageDto coverage)
    {
        var csv = new StringBuilder();
        var header = new List<string> { "theme", "submissions" };
        header.AddRange(coverage.Categories);
        header.Add(ThemeCoverage.Uncategorised);
        csv.AppendJoin(',', header).Append("\r\n");
        foreach (var theme in coverage.Themes)
        {
            var row = new List<string> { Field(theme.Name), Num(theme.Submissions) };
            row.AddRange(coverage.Categories.Select(c => Num(theme.ByCategory[c])));
            row.Add(Num(theme.Uncategorised));
            csv.AppendJoin(',', row).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
