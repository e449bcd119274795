using System.Globalization;
using System.Text;
using EvidenceHub.Core.Csv;

namespace EvidenceHub.Api.Themes;

/// <summary>Co-occurrence as a spreadsheet: the square matrix, a row and a column per theme (the diagonal: the theme's own submissions).</summary>
public static class CooccurrenceCsv
{
    public static string Write(CooccurrenceDto result)
    {
        var csv = new StringBuilder();
        CsvCell.AppendRow(csv, ["theme", .. result.Themes.Select(t => t.Name)]);
        for (var a = 0; a < result.Themes.Count; a++)
        {
            CsvCell.AppendRow(csv, [result.Themes[a].Name, .. result.Themes.Select((_, b) => ThemeCooccurrence.Count(result, a, b).ToString(CultureInfo.InvariantCulture))]);
        }

        return csv.ToString();
    }
}
