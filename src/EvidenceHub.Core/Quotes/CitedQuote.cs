using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Quotes;

/// <summary>A quote with its submission, its collection's name and its citation in the inquiry's style.</summary>
public sealed record CitedQuote(Quote Quote, Submission Submission, string? Collection, string Citation)
{
    public CitationFormatter.Source Source => SourceOf(Quote, Submission);

    public static CitationFormatter.Source SourceOf(Quote q, Submission s) =>
        new(s.Reference, s.Kind, s.SubmitterName, s.Organisation, s.Anonymous, q.Page, q.Paragraph, q.Question, q.Speaker);

    /// <summary>The submission as a whole, without a location (for a bibliography).</summary>
    public static CitationFormatter.Source SourceOf(Submission s) =>
        new(s.Reference, s.Kind, s.SubmitterName, s.Organisation, s.Anonymous, null, null, null, null);

    /// <summary>
    /// The quotes on <paramref name="visible"/> submissions, in collection order (unfiled quotes last);
    /// <paramref name="collection"/> narrows to one collection by name.
    /// </summary>
    public static async Task<List<CitedQuote>> LoadAsync(
        EvidenceDbContext db, IQueryable<Submission> visible, string? collection, CancellationToken cancellationToken)
    {
        var query = db.Set<Quote>().AsNoTracking().Include(q => q.Collection)
            .Where(q => visible.Any(s => s.Id == q.SubmissionId));
        if (!string.IsNullOrWhiteSpace(collection))
        {
            var name = collection.Trim();
            query = query.Where(q => q.Collection != null && q.Collection.Name == name);
        }

        var quotes = await query.ToListAsync(cancellationToken);
        var ids = quotes.Select(q => q.SubmissionId).Distinct().ToList();
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var styles = await new CitationStyles(db).ForInquiriesAsync(submissions.Values.Select(s => s.InquiryId), cancellationToken);
        return quotes
            .OrderBy(q => q.Collection is null).ThenBy(q => q.Collection?.Name, StringComparer.Ordinal).ThenBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => Cite(q, submissions[q.SubmissionId], styles.GetValueOrDefault(submissions[q.SubmissionId].InquiryId)))
            .ToList();
    }

    public static CitedQuote Cite(Quote q, Submission s, CitationStyle? style) =>
        new(q, s, q.Collection?.Name, CitationFormatter.Cite(SourceOf(q, s), style));
}
