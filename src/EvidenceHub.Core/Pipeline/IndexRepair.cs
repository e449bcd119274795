using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Finds where the index and the database disagree on what the public may read or on what a submission
/// holds — publication, anonymity, passage count, or entries of a submission that is gone or failed —
/// and rewrites those submissions from the database at once. A lost refresh job or a crash between a
/// commit and its index write can then never leave withheld evidence searchable for long.
/// </summary>
public sealed class IndexRepair(EvidenceDbContext db, PassageIndex index, IndexReplica replica)
{
    /// <summary>Repairs every difference found; returns the submissions rewritten.</summary>
    public async Task<IReadOnlyList<long>> RepairAsync(CancellationToken cancellationToken)
    {
        var census = index.Search(IndexCensus.Take);
        var rows = await db.Submissions.AsNoTracking()
            .Select(s => new { s.Id, s.Status, s.Publication, s.Anonymous, s.PassageCount })
            .ToListAsync(cancellationToken);
        var known = rows.ToDictionary(r => r.Id);

        var differing = new List<long>();
        foreach (var (id, indexed) in census)
        {
            if (!known.TryGetValue(id, out var row) || row.Status == ProcessingStatus.Failed)
            {
                differing.Add(id); // deleted, or failed: it has no place in the index
            }
            else if (indexed.Mixed || indexed.Publication != row.Publication.ToCode() || indexed.Anonymous != row.Anonymous
                     || (row.Status == ProcessingStatus.Indexed && indexed.Passages != row.PassageCount))
            {
                differing.Add(id);
            }
        }

        differing.AddRange(rows.Where(r => r.Status == ProcessingStatus.Indexed && r.PassageCount > 0 && !census.ContainsKey(r.Id)).Select(r => r.Id));
        if (differing.Count > 0)
        {
            // Through the replica, which reads the database when it writes: a repair that read a submission
            // before a withdrawal cannot write its published entries back after it.
            await replica.RewriteAsync(differing, cancellationToken);
        }

        return differing;
    }
}
