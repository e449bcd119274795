using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Quotes;

/// <summary>Takes a quote from a passage: by offsets, by exact text, or both (which must agree).</summary>
public static class QuoteCreation
{
    public static async Task<Results<Created<QuoteDto>, ProblemHttpResult>> CreateAsync(
        CreateQuoteRequest request, Caller caller, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.PassageId is not { } passageId)
        {
            return Problems.BadRequest("No passage given", "Send the passage the quote comes from as passageId.");
        }

        var passage = await db.Passages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == passageId, cancellationToken);
        var submission = passage is null ? null
            : await caller.Visible(db.Submissions.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == passage.SubmissionId, cancellationToken);
        if (passage is null || submission is null)
        {
            return Problems.NotFound($"The passage {passageId}");
        }

        if (!caller.Has(submission.InquiryId, InquiryRole.Author))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "Your account does not have the role this needs",
                "Quotes are taken by the inquiry's authors; an administrator can grant you the author role in this inquiry.");
        }

        if (Span(passage.Text, request) is not { } span)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "The quote is not an exact span of the passage",
                SpanProblem(passage.Text, request));
        }

        var quote = await QuoteTaker.TakeAsync(db, passage, submission, span.Start, span.End,
            Blank(request.Note), Blank(request.Collection), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var style = await new CitationStyles(db).ForInquiryAsync(submission.InquiryId, cancellationToken);
        return TypedResults.Created($"/api/quotes/{quote.Id}", CitedQuote.Cite(quote, submission, style).AsDto());
    }

    private static (int Start, int End)? Span(string text, CreateQuoteRequest r)
    {
        if (r.Start is { } start && (start < 0 || start > text.Length))
        {
            return null;
        }

        if (string.IsNullOrEmpty(r.Text))
        {
            var s = r.Start ?? 0;
            var e = r.End ?? text.Length;
            return r.Start is null && r.End is null ? null : e > s && e <= text.Length ? (s, e) : null;
        }

        var at = r.Start ?? text.IndexOf(r.Text, StringComparison.Ordinal);
        if (at < 0 || at + r.Text.Length > text.Length || string.CompareOrdinal(text, at, r.Text, 0, r.Text.Length) != 0)
        {
            return null;
        }

        return r.End is { } end && end != at + r.Text.Length ? null : (at, at + r.Text.Length);
    }

    private static string SpanProblem(string text, CreateQuoteRequest r) =>
        string.IsNullOrEmpty(r.Text)
            ? r.Start is null && r.End is null
                ? "Send the quote's text, or its start and end offsets in the passage."
                : $"The offsets {r.Start ?? 0}–{r.End ?? text.Length} are not a span of the passage, which is {text.Length} characters long."
            : text.Contains(r.Text, StringComparison.Ordinal)
                ? "The text occurs in the passage, but not at the start and end offsets given."
                : "The text does not occur in the passage exactly as given: a quote must be the passage's own words, letter for letter. Copy it from the passage text.";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
