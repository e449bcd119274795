using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes;

/// <summary>Takes an exact span of a passage as a quote, anchored so it can be found again; adds it to the context.</summary>
public static class QuoteTaker
{
    public static async Task<Quote> TakeAsync(
        EvidenceDbContext db, Passage passage, Submission submission, int start, int end,
        string? note, string? collection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quote = new Quote
        {
            SubmissionId = submission.Id,
            InquiryId = submission.InquiryId,
            Reference = submission.Reference,
            Text = passage.Text[start..end],
            Note = note,
            Status = QuoteStatus.Ok,
            SourceSha256 = submission.Sha256,
            Before = string.Empty,
            After = string.Empty,
            CreatedAt = now,
            CheckedAt = now,
        };
        QuoteAnchor.Set(quote, passage, start, submission.Sha256);
        if (collection is not null)
        {
            quote.Collection = await QuoteCollections.FindOrCreateAsync(db, collection, now, cancellationToken);
            quote.Position = await QuoteCollections.NextPositionAsync(db, quote.Collection, cancellationToken);
        }

        db.Set<Quote>().Add(quote);
        return quote;
    }
}
