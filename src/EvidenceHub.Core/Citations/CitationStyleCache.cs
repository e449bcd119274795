using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Citations;

/// <summary>
/// Every inquiry's own citation style by prefix, read in one query and kept for <see cref="Lifetime"/>, so
/// that a search does not read the templates from the database for each page of hits. The table holds a
/// row only for an inquiry that changed its templates, so the whole of it is small.
/// </summary>
/// <remarks>
/// A change made through this node (<see cref="Invalidate"/>, called by the template endpoints) shows in its
/// next search; a change made through another node shows here within <see cref="Lifetime"/>.
/// </remarks>
public sealed class CitationStyleCache(TimeProvider clock)
{
    /// <summary>How long a read of the templates is used before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private sealed record Snapshot(IReadOnlyDictionary<string, CitationStyle> ByPrefix, DateTimeOffset ReadAt, long Generation);

    private Snapshot? snapshot;
    private long generation;

    /// <summary>The styles of the inquiries with their own templates, by prefix (an inquiry missing cites in the default style).</summary>
    /// <param name="database">Gives the database only when the templates must be read again: a search answered from the
    /// cache creates no database context at all.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task<IReadOnlyDictionary<string, CitationStyle>> ByPrefixAsync(Func<EvidenceDbContext> database, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref snapshot);
        var now = clock.GetUtcNow();
        if (current is not null && current.Generation == Interlocked.Read(ref generation) && now - current.ReadAt < Lifetime)
        {
            return current.ByPrefix;
        }

        // Read before the query: a change invalidated while it runs makes this read stale at once.
        var readFor = Interlocked.Read(ref generation);
        var db = database();
        var rows = await (from t in db.Set<InquiryCitationTemplate>().AsNoTracking()
                          join i in db.Inquiries on t.InquiryId equals i.Id
                          select new { i.Prefix, Template = t }).ToListAsync(cancellationToken);
        var read = new Snapshot(rows.ToDictionary(r => r.Prefix, r => r.Template.AsStyle(), StringComparer.Ordinal), now, readFor);
        Volatile.Write(ref snapshot, read);
        return read.ByPrefix;
    }

    /// <summary>Forgets what was read: the next search reads the templates again (after a change through this node).</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);
}
