using System.Globalization;
using System.Text;
using EvidenceHub.Core.Csv;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>
/// One row per quote; cells are written by <see cref="CsvCell"/>, so a quote or note that begins like a
/// formula is never run as one when the file is opened in a spreadsheet.
/// </summary>
public static class CsvQuoteExport
{
    public static readonly string[] Columns =
        ["collection", "order", "quote", "citation", "reference", "submitter", "organisation", "category",
         "page", "paragraph", "question", "speaker", "note", "status"];

    public static string Write(QuoteExport export)
    {
        var csv = new StringBuilder();
        CsvCell.AppendRow(csv, Columns);
        foreach (var section in export.Sections)
        {
            var order = 0;
            foreach (var q in section.Quotes)
            {
                order++;
                var s = q.Submission;
                CsvCell.AppendRow(csv,
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
}
