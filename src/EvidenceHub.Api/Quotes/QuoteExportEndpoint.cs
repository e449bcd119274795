using System.Text;
using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Quotes.Export;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Quotes;

/// <summary>
/// <c>GET /api/quotes/export?collection=&amp;format=md|csv|docx|csl-json|csl-citations|ris|bibtex</c>: what an
/// author pastes into a report, or imports into a reference manager.
/// </summary>
public static class QuoteExportEndpoint
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string? collection, string? format, HttpRequest request, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "md" : format.Trim().ToLowerInvariant();
        if (format is not ("md" or "csv" or "docx" or "csl-json" or "csl-citations" or "ris" or "bibtex"))
        {
            return Problems.BadRequest("Unknown export format",
                $"'{format}' is not an export format; use md, csv or docx, or csl-json, csl-citations, ris or bibtex for a reference manager.");
        }

        if (!string.IsNullOrWhiteSpace(collection) && await QuoteCollections.FindAsync(db, collection.Trim(), cancellationToken) is null)
        {
            return Problems.NotFound($"The collection '{collection}'");
        }

        var quotes = await CitedQuote.LoadAsync(db, caller.VisibleQuotes(db), collection, cancellationToken);
        var export = QuoteExport.From(quotes, collection);
        var name = FileName(export.Title);
        if (format is "csl-json" or "csl-citations" or "ris" or "bibtex")
        {
            var data = await CitationDataAsync(export, request, db, cancellationToken);
            return format switch
            {
                "csl-json" => TypedResults.File(Utf8(CslJsonQuoteExport.Items(data)), "application/vnd.citationstyles.csl+json; charset=utf-8", name + ".json"),
                "csl-citations" => TypedResults.File(Utf8(CslJsonQuoteExport.Citations(data)), "application/json; charset=utf-8", name + "-citations.json"),
                "ris" => TypedResults.File(Utf8(RisQuoteExport.Write(data)), "application/x-research-info-systems; charset=utf-8", name + ".ris"),
                _ => TypedResults.File(Utf8(BibTexQuoteExport.Write(data)), "application/x-bibtex; charset=utf-8", name + ".bib"),
            };
        }

        return format switch
        {
            "csv" => TypedResults.File(Utf8(CsvQuoteExport.Write(export)), "text/csv; charset=utf-8", name + ".csv"),
            "docx" => TypedResults.File(WordQuoteExport.Write(export),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            _ => TypedResults.File(Utf8(MarkdownQuoteExport.Write(export)), "text/markdown; charset=utf-8", name + ".md"),
        };
    }

    /// <summary>The cited submissions with their inquiry's title, each linked to its public page on this site.</summary>
    private static async Task<CitationData> CitationDataAsync(QuoteExport export, HttpRequest request, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var ids = export.Sections.SelectMany(s => s.Quotes).Select(q => q.Quote.InquiryId).Distinct().ToList();
        var titles = await db.Inquiries.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return CitationData.From(export, titles, reference => $"{site}/submission.html?ref={Uri.EscapeDataString(reference)}");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string FileName(string title)
    {
        var safe = new string(title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? "quotes" : safe.Length > 60 ? safe[..60] : safe;
    }
}
