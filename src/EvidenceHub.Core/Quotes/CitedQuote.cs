using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Quotes;

/// <summary>
/// A quote with its submission, its collection's name and its citation in the inquiry's style. A quote
/// whose submission was deleted has no submission: it cites its reference and location only.
/// </summary>
public sealed record CitedQuote(Quote Quote, Submission? Submission, string? Collection, string Citation)
{
    public bool SourceDeleted => Submission is null;

    public static CitationFormatter.Source SourceOf(Quote q, Submission s) =>
        new(s.Reference, s.Kind, s.SubmitterName, s.Organisation, s.Anonymous, q.Page, q.Paragraph, q.Question, q.Speaker);

    /// <summary>The submission as a whole, without a location (for a bibliography).</summary>
    public static CitationFormatter.Source SourceOf(Submission s) =>
        new(s.Reference, s.Kind, s.SubmitterName, s.Organisation, s.Anonymous, null, null, null, null);

    /// <summary>
    /// The <paramref name="visible"/> quotes, in collection order (unfiled quotes last);
    /// <paramref name="collection"/> narrows to one collection by name.
    /// </summary>
    public static async Task<List<CitedQuote>> LoadAsync(
        EvidenceDbContext db, IQueryable<Quote> visible, string? collection, CancellationToken cancellationToken)
    {
        IQueryable<Quote> query = visible.AsNoTracking().Include(q => q.Collection);
        if (!string.IsNullOrWhiteSpace(collection))
        {
            var name = collection.Trim();
            query = query.Where(q => q.Collection != null && q.Collection.Name == name);
        }

        var quotes = await query.ToListAsync(cancellationToken);
        var ids = quotes.Where(q => q.SubmissionId is not null).Select(q => q.SubmissionId!.Value).Distinct().ToList();
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var styles = await new CitationStyles(db).ForInquiriesAsync(quotes.Select(q => q.InquiryId).Distinct(), cancellationToken);
        return quotes
            .OrderBy(q => q.Collection is null).ThenBy(q => q.Collection?.Name, StringComparer.Ordinal).ThenBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => Cite(q, q.SubmissionId is { } id ? submissions.GetValueOrDefault(id) : null, styles.GetValueOrDefault(q.InquiryId)))
            .ToList();
    }

    public static CitedQuote Cite(Quote q, Submission? s, CitationStyle? style) =>
        new(q, s, q.Collection?.Name, s is null
            ? CitationFormatter.CiteDeleted(q.Reference, q.Page, q.Paragraph, q.Question)
            : CitationFormatter.Cite(SourceOf(q, s), style));
}
