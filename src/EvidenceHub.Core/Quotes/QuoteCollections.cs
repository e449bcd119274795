using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Quotes;

/// <summary>Report chapters: found by name (or id), created on first use, their quotes kept in order.</summary>
public static class QuoteCollections
{
    public static async Task<QuoteCollection> FindOrCreateAsync(EvidenceDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Set<QuoteCollection>().FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var created = new QuoteCollection { Name = name, CreatedAt = now };
        db.Set<QuoteCollection>().Add(created);
        return created;
    }

    public static async Task<int> NextPositionAsync(EvidenceDbContext db, QuoteCollection collection, CancellationToken cancellationToken) =>
        collection.Id == 0 ? 1
        : (await db.Set<Quote>().Where(q => q.CollectionId == collection.Id).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0) + 1;

    /// <summary>By name first (a chapter may be called "3"), then by id.</summary>
    public static async Task<QuoteCollection?> FindAsync(EvidenceDbContext db, string key, CancellationToken cancellationToken)
    {
        var byName = await db.Set<QuoteCollection>().FirstOrDefaultAsync(c => c.Name == key, cancellationToken);
        return byName ?? (int.TryParse(key, out var id) ? await db.Set<QuoteCollection>().FindAsync([id], cancellationToken) : null);
    }

    /// <summary>
    /// Puts the collection's quotes in the order given, which must name each of them once; null if it does,
    /// else what is wrong.
    /// </summary>
    public static async Task<string?> ReorderAsync(EvidenceDbContext db, QuoteCollection collection, IReadOnlyList<long> order, CancellationToken cancellationToken)
    {
        var quotes = await db.Set<Quote>().Where(q => q.CollectionId == collection.Id).ToListAsync(cancellationToken);
        var ids = quotes.Select(q => q.Id).ToHashSet();
        if (order.Count != ids.Count || order.Distinct().Count() != order.Count || !order.All(ids.Contains))
        {
            return $"The order must list each quote in '{collection.Name}' exactly once, by id (see GET /api/quotes?collection=).";
        }

        var byId = quotes.ToDictionary(q => q.Id);
        for (var i = 0; i < order.Count; i++)
        {
            byId[order[i]].Position = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
