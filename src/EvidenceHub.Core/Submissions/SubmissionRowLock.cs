using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// Serialises work on one submission across nodes with the database's own row lock: an update of its
/// row that changes nothing, inside the caller's transaction, holds the row until it commits (SQLite
/// takes its one write lock). Steps that read then write a submission's state take it first.
/// </summary>
public static class SubmissionRowLock
{
    /// <summary>False when the submission is gone.</summary>
    public static async Task<bool> TakeAsync(EvidenceDbContext db, long submissionId, CancellationToken cancellationToken) =>
        await db.Submissions.Where(s => s.Id == submissionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ContentVersion, s => s.ContentVersion), cancellationToken) == 1;

    /// <summary>Takes the rows of several submissions in one statement; those gone are simply not locked.</summary>
    public static Task<int> TakeAllAsync(EvidenceDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => submissionIds.Contains(s.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ContentVersion, s => s.ContentVersion), cancellationToken);

    /// <summary>Timestamps compared at the database's precision (PostgreSQL keeps microseconds).</summary>
    public static bool SameInstant(DateTimeOffset a, DateTimeOffset b) => Math.Abs((a - b).Ticks) < 10;
}
