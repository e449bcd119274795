using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>What every export holds: the quotes by collection, footnoted in order, and the evidence they cite.</summary>
public sealed record QuoteExport(string Title, IReadOnlyList<QuoteExport.Section> Sections, IReadOnlyList<string> Bibliography)
{
    public const string UnfiledName = "Unfiled quotes";

    public sealed record Section(string Name, IReadOnlyList<CitedQuote> Quotes);

    public static QuoteExport From(IReadOnlyList<CitedQuote> quotes, string? collection)
    {
        var sections = quotes.GroupBy(q => q.Collection ?? UnfiledName)
            .Select(g => new Section(g.Key, g.ToList())).ToList();
        // A deleted submission is not evidence a report can cite: its quotes say so where they stand instead.
        var bibliography = quotes.Select(q => q.Submission).OfType<Submission>().DistinctBy(s => s.Id).OrderBy(s => s.Reference, StringComparer.Ordinal)
            .Select(s => CitationFormatter.BibliographyEntry(CitedQuote.SourceOf(s), s.Title, s.ReceivedOn))
            .ToList();
        return new QuoteExport(string.IsNullOrWhiteSpace(collection) ? "Quotes" : collection.Trim(), sections, bibliography);
    }

    /// <summary>What an export prints for a quote: its text, or for a source-deleted quote a plain marker to replace it.</summary>
    public static string Text(CitedQuote quote) => quote.SourceDeleted ? DeletedMarker : quote.Quote.Text;

    public const string DeletedMarker = "[Source deleted: this quote must be replaced]";

    /// <summary>The submitter a report may name: never the name of one who asked to be anonymous.</summary>
    public static string Submitter(Submission s) => s.Anonymous ? "Anonymous" : s.SubmitterName;

    public static string? Organisation(Submission s) => s.Anonymous ? null : s.Organisation;

    public const string BibliographyHeading = "Evidence cited";
}
