using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Quotes;

public sealed record ReanchorSummary(int Checked, int Ok, int Moved, int Drifted, int NeedsReview = 0)
{
    public static ReanchorSummary operator +(ReanchorSummary a, ReanchorSummary b) =>
        new(a.Checked + b.Checked, a.Ok + b.Ok, a.Moved + b.Moved, a.Drifted + b.Drifted, a.NeedsReview + b.NeedsReview);
}

/// <summary>
/// Finds each quote's text again in its submission's current passages — by the selectors of its
/// annotation: the exact text, the words either side, its position — and marks it ok, moved (same text,
/// new location; the anchor follows it), needs-review (several new places fit equally; the anchor stays)
/// or drifted (the text is gone). Running it twice changes nothing the first run did not.
/// </summary>
public sealed class QuoteReanchoring(EvidenceDbContext db, TimeProvider clock)
{
    public async Task<ReanchorSummary> ReanchorSubmissionAsync(long submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        var quotes = await db.Set<Quote>().Where(q => q.SubmissionId == submissionId).ToListAsync(cancellationToken);
        if (submission is null || quotes.Count == 0)
        {
            return new(0, 0, 0, 0);
        }

        var passages = await db.Passages.AsNoTracking().Where(p => p.SubmissionId == submissionId)
            .OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var quote in quotes)
        {
            Reanchor(quote, passages, submission.Sha256);
            quote.CheckedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The submission was deleted since its quotes were read (their submission id is a concurrency
            // token): they are source-deleted now, and nothing read here may be written back onto them.
            db.ChangeTracker.Clear();
            return new(0, 0, 0, 0);
        }

        return new(quotes.Count, quotes.Count(q => q.Status == QuoteStatus.Ok),
            quotes.Count(q => q.Status == QuoteStatus.Moved), quotes.Count(q => q.Status == QuoteStatus.Drifted),
            quotes.Count(q => q.Status == QuoteStatus.NeedsReview));
    }

    /// <summary>Re-anchors the quotes of those of these submissions that have any (the pipeline, after new passages).</summary>
    public Task<ReanchorSummary> ReanchorSubmissionsAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken) =>
        ReanchorQuotedAsync(db.Set<Quote>().Where(q => q.SubmissionId != null && submissionIds.Contains(q.SubmissionId.Value)), cancellationToken);

    /// <summary>Re-checks every quote on <paramref name="submissions"/> (the submissions the caller may quote from).</summary>
    public async Task<ReanchorSummary> VerifyAllAsync(IQueryable<Submissions.Submission> submissions, CancellationToken cancellationToken)
    {
        var ids = submissions.Select(s => s.Id);
        return await ReanchorQuotedAsync(db.Set<Quote>().Where(q => q.SubmissionId != null && ids.Contains(q.SubmissionId.Value)), cancellationToken);
    }

    /// <summary>Re-anchors, a submission at a time, the quotes of every submission these quotes are on.</summary>
    private async Task<ReanchorSummary> ReanchorQuotedAsync(IQueryable<Quote> quotes, CancellationToken cancellationToken)
    {
        var quoted = await quotes.Select(q => q.SubmissionId!.Value).Distinct().ToListAsync(cancellationToken);
        var total = new ReanchorSummary(0, 0, 0, 0);
        foreach (var id in quoted)
        {
            total += await ReanchorSubmissionAsync(id, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return total;
    }

    private static void Reanchor(Quote quote, IReadOnlyList<Submissions.Passage> passages, string sha256)
    {
        if (QuoteAnchor.Locate(quote, passages) is not { } found)
        {
            quote.Status = QuoteStatus.Drifted;
            quote.PassageId = null;
            quote.SourceSha256 = sha256;
            return;
        }

        if (!QuoteAnchor.SameLocation(quote, found.Passage) && !found.Sure)
        {
            // The words are in several new places and the selectors (the text, the words either side, the
            // position) do not single one out: an author chooses; the citation never silently moves.
            quote.Status = QuoteStatus.NeedsReview;
            quote.PassageId = null;
            quote.SourceSha256 = sha256;
            return;
        }

        if (!QuoteAnchor.SameLocation(quote, found.Passage))
        {
            quote.Status = QuoteStatus.Moved;
        }
        else if (quote.SourceSha256 != sha256 || quote.Status is QuoteStatus.Drifted or QuoteStatus.NeedsReview)
        {
            // Checked against a new version (or found again) at the place it was cited: fine as it is.
            quote.Status = QuoteStatus.Ok;
        }

        QuoteAnchor.Set(quote, found.Passage, found.Start, sha256);
    }
}
