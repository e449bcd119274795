using System.Text;

namespace EvidenceHub.Core.Csv;

/// <summary>
/// Cells of the CSV files we hand out, RFC 4180 (fields quoted when they hold a comma, quote or line break;
/// rows end in CRLF) and safe to open in a spreadsheet: a cell that begins with <c>= + - @</c>, a tab or a
/// carriage return gets a leading apostrophe, because Excel and LibreOffice run such a cell as a formula
/// (OWASP "CSV injection"), and the text in these files — theme names, quotes, notes — is written by people.
/// </summary>
public static class CsvCell
{
    public static string Escape(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Appends one row of escaped cells and its CRLF.</summary>
    public static void AppendRow(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
}
