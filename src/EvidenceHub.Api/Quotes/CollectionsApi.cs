using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Quotes;

/// <summary>Collections (report chapters): list with the quotes the caller may see, reorder, delete.</summary>
public static class CollectionsApi
{
    public static async Task<Ok<List<CollectionDto>>> ListAsync(Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var visible = caller.VisibleQuotes(db);
        // A collection of other inquiries' quotes only is theirs: not listed (an empty one is anyone's to fill).
        var rows = await db.Set<QuoteCollection>().AsNoTracking().OrderBy(c => c.Name)
            .Where(c => !c.Quotes.Any() || visible.Any(q => q.CollectionId == c.Id))
            .Select(c => new CollectionDto(c.Id, c.Name, visible.Count(q => q.CollectionId == c.Id)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<Ok<List<QuoteDto>>, ProblemHttpResult>> ReorderAsync(
        string key, CollectionOrderRequest request, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var collection = await QuoteCollections.FindAsync(db, key, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound($"The collection '{key}'");
        }

        if (request.QuoteIds is null)
        {
            return Problems.BadRequest("No order given", "Send the collection's quote ids in their new order as { \"quoteIds\": [3, 1, 2] }.");
        }

        if (await QuoteCollections.ReorderAsync(db, collection, request.QuoteIds, cancellationToken) is { } problem)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "The order does not match the collection", problem);
        }

        var quotes = await CitedQuote.LoadAsync(db, caller.VisibleQuotes(db), collection.Name, cancellationToken);
        return TypedResults.Ok(quotes.Select(q => q.AsDto()).ToList());
    }

    /// <summary>Deletes the chapter, not the work in it: its quotes stay in the quote bank, unfiled.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string key, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var collection = await QuoteCollections.FindAsync(db, key, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound($"The collection '{key}'");
        }

        await db.Set<Quote>().Where(q => q.CollectionId == collection.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.CollectionId, (int?)null).SetProperty(q => q.Position, 0), cancellationToken);
        db.Set<QuoteCollection>().Remove(collection);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
