using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Quotes;

/// <summary>
/// The quote bank: exact spans of passages that carry their citation, kept in collections (report
/// chapters), exported, and re-checked when their source changes. A public caller sees only quotes
/// on published submissions. A quote whose submission was deleted stays, source-deleted, for its inquiry's staff.
/// </summary>
public static class QuotesApi
{
    public static void MapQuotes(this IEndpointRouteBuilder app)
    {
        // Quotes, collections and their exports are the authors' work; the public never gets them. A
        // quote belongs to the inquiry of its submission: lists show the quotes of inquiries where the
        // caller is an author, and a change is checked against the quote's own inquiry.
        var quotes = app.MapGroup("/api/quotes").WithTags("Quotes");
        quotes.MapPost("/", QuoteCreation.CreateAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Handler);
        quotes.MapGet("/", ListAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Handler);
        quotes.MapGet("/export", QuoteExportEndpoint.ExportAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Handler);
        quotes.MapPost("/verify", VerifyAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Handler);
        quotes.MapGet("/{id:long}/annotation", QuoteAnnotationEndpoint.GetAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Quote);
        quotes.MapPatch("/{id:long}", UpdateAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Quote);
        quotes.MapDelete("/{id:long}", DeleteAsync).RequireInquiryRole(InquiryRole.Author, InquiryFrom.Quote);

        var collections = app.MapGroup("/api/collections").WithTags("Quotes").RequireInquiryRole(InquiryRole.Author, InquiryFrom.Handler);
        collections.MapGet("/", CollectionsApi.ListAsync);
        collections.MapPut("/{key}/order", CollectionsApi.ReorderAsync);
        collections.MapDelete("/{key}", CollectionsApi.DeleteAsync);
    }

    private static async Task<Ok<List<QuoteDto>>> ListAsync(string? collection, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var quotes = await CitedQuote.LoadAsync(db, caller.VisibleQuotes(db), collection, cancellationToken);
        return TypedResults.Ok(quotes.Select(q => q.AsDto()).ToList());
    }

    private static async Task<Ok<VerifyResultDto>> VerifyAsync(Caller caller, EvidenceDbContext db, QuoteReanchoring reanchoring, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reanchoring.VerifyAllAsync(caller.WithRole(db.Submissions.AsNoTracking(), InquiryRole.Author), cancellationToken)).AsDto());

    private static async Task<Results<Ok<QuoteDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateQuoteRequest request, Caller caller, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var quote = await FindAsync(db, caller, id, cancellationToken);
        if (quote is null)
        {
            return Problems.NotFound($"The quote {id}");
        }

        if (request.Note is not null)
        {
            quote.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        }

        if (request.Collection is not null)
        {
            var name = request.Collection.Trim();
            if (name.Length == 0)
            {
                (quote.Collection, quote.CollectionId, quote.Position) = (null, null, 0);
            }
            else if (quote.Collection?.Name != name)
            {
                quote.Collection = await QuoteCollections.FindOrCreateAsync(db, name, clock.GetUtcNow(), cancellationToken);
                quote.Position = await QuoteCollections.NextPositionAsync(db, quote.Collection, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var cited = (await CitedQuote.LoadAsync(db, caller.VisibleQuotes(db).Where(q => q.Id == id), null, cancellationToken)).First();
        return TypedResults.Ok(cited.AsDto());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var quote = await FindAsync(db, caller, id, cancellationToken);
        if (quote is null)
        {
            return Problems.NotFound($"The quote {id}");
        }

        db.Set<Quote>().Remove(quote);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Quote?> FindAsync(EvidenceDbContext db, Caller caller, long id, CancellationToken cancellationToken) =>
        caller.VisibleQuotes(db).Include(q => q.Collection).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
}
