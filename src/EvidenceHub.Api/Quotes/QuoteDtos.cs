using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Api.Quotes;

public sealed record CreateQuoteRequest(long? PassageId, int? Start, int? End, string? Text, string? Note, string? Collection);

public sealed record UpdateQuoteRequest(string? Note, string? Collection);

public sealed record QuoteLocationDto(long? PassageId, int Ordinal, int? Page, string? Paragraph, string? Question, string? Speaker, int Start, int End);

public sealed record QuoteDto(
    long Id,
    string Text,
    string Citation,
    string Reference,
    QuoteLocationDto Location,
    string? Collection,
    int Position,
    string? Note,
    string Status,
    string? SourceSha256,
    DateTimeOffset CheckedAt);

public sealed record CollectionDto(int Id, string Name, int QuoteCount);

public sealed record CollectionOrderRequest(IReadOnlyList<long>? QuoteIds);

public sealed record VerifyResultDto(int Checked, int Ok, int Moved, int Drifted, int NeedsReview);

public static class QuoteMapping
{
    public static QuoteDto AsDto(this CitedQuote c)
    {
        var q = c.Quote;
        return new QuoteDto(
            q.Id,
            q.Text,
            c.Citation,
            q.Reference,
            new QuoteLocationDto(q.PassageId, q.PassageOrdinal, q.Page, q.Paragraph, q.Question, q.Speaker, q.Start, q.End),
            c.Collection,
            q.Position,
            q.Note,
            q.Status.ToCode(),
            q.SourceSha256,
            q.CheckedAt);
    }

    public static VerifyResultDto AsDto(this ReanchorSummary s) => new(s.Checked, s.Ok, s.Moved, s.Drifted, s.NeedsReview);
}
