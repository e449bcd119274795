using System.Text;
using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Quotes.Export;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceHub.Api.Quotes;

/// <summary><c>GET /api/quotes/export?collection=&amp;format=md|csv|docx</c>: what an author pastes into a report.</summary>
public static class QuoteExportEndpoint
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string? collection, string? format, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "md" : format.Trim().ToLowerInvariant();
        if (format is not ("md" or "csv" or "docx"))
        {
            return Problems.BadRequest("Unknown export format", $"'{format}' is not an export format; use md, csv or docx.");
        }

        if (!string.IsNullOrWhiteSpace(collection) && await QuoteCollections.FindAsync(db, collection.Trim(), cancellationToken) is null)
        {
            return Problems.NotFound($"The collection '{collection}'");
        }

        var quotes = await CitedQuote.LoadAsync(db, caller.VisibleQuotes(db), collection, cancellationToken);
        var export = QuoteExport.From(quotes, collection);
        var name = FileName(export.Title);
        return format switch
        {
            "csv" => TypedResults.File(Utf8(CsvQuoteExport.Write(export)), "text/csv; charset=utf-8", name + ".csv"),
            "docx" => TypedResults.File(WordQuoteExport.Write(export),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            _ => TypedResults.File(Utf8(MarkdownQuoteExport.Write(export)), "text/markdown; charset=utf-8", name + ".md"),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string FileName(string title)
    {
        var safe = new string(title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? "quotes" : safe.Length > 60 ? safe[..60] : safe;
    }
}
