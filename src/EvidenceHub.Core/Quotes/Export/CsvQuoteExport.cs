using System.Globalization;
using System.Text;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>
/// One row per quote, RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line break).
/// A field a spreadsheet would run as a formula (<c>= + - @</c>, tab, CR first) gets a leading apostrophe.
/// </summary>
public static class CsvQuoteExport
{
    public static readonly string[] Columns =
        ["collection", "order", "quote", "citation", "reference", "submitter", "organisation", "category",
         "page", "paragraph", "question", "speaker", "note", "status"];

    public static string Write(QuoteExport export)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var section in export.Sections)
        {
            var order = 0;
            foreach (var q in section.Quotes)
            {
                order++;
                var s = q.Submission;
                AppendRow(csv,
                [
                    q.Collection ?? string.Empty, order.ToString(CultureInfo.InvariantCulture), QuoteExport.Text(q), q.Citation, q.Quote.Reference,
                    s is null ? null : QuoteExport.Submitter(s), s is null ? null : QuoteExport.Organisation(s), s?.Category?.ToCode(),
                    q.Quote.Page?.ToString(CultureInfo.InvariantCulture), q.Quote.Paragraph, q.Quote.Question, q.Quote.Speaker, q.Quote.Note,
                    q.Quote.Status.ToCode(),
                ]);
            }
        }

        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(fields[i] ?? string.Empty));
        }

        csv.Append("\r\n");
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
