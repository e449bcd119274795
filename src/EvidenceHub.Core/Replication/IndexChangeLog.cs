using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EvidenceHub.Core.Replication;

/// <summary>
/// Appends <see cref="IndexChange"/> rows to the context, so they are saved in the same transaction as
/// the change they describe. <see cref="EvidenceDbContext"/> calls <see cref="RecordTracked"/> before
/// every save, which covers every change made through the change tracker; a bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> (which bypasses it) must call <see cref="Record"/> and save
/// in the same transaction.
/// </summary>
public static class IndexChangeLog
{
    /// <summary>Submission properties the index does not hold (or that matter only through another change).</summary>
    private static readonly HashSet<string> NotIndexed = new(StringComparer.Ordinal)
    {
        nameof(Submission.StatusChangedAt), nameof(Submission.FailureReason), nameof(Submission.FailureKind),
        nameof(Submission.Password), nameof(Submission.MetadataJson), nameof(Submission.CreatedAt),
        nameof(Submission.FileName), nameof(Submission.SizeBytes), nameof(Submission.Sha256),
        nameof(Submission.DocumentType), nameof(Submission.PageCount), nameof(Submission.ContentVersion),
    };

    /// <summary>Submission properties whose change can take something away from what the public reads.</summary>
    private static readonly HashSet<string> Restricting = new(StringComparer.Ordinal)
    {
        nameof(Submission.Publication), nameof(Submission.Anonymous), nameof(Submission.SubmitterName),
        nameof(Submission.Organisation), nameof(Submission.Title),
    };

    /// <summary>Stages one change row per submission (the caller saves).</summary>
    public static void Record(EvidenceDbContext db, IEnumerable<long> submissionIds, bool urgent = false)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var id in submissionIds.Distinct())
        {
            db.Add(new IndexChange { SubmissionId = id, Urgent = urgent, At = now });
        }
    }

    /// <summary>Stages a request that every node rebuild its whole index from the database.</summary>
    public static void RecordRebuild(EvidenceDbContext db) =>
        db.Add(new IndexChange { SubmissionId = null, Urgent = false, At = DateTimeOffset.UtcNow });

    /// <summary>Stages a change row for every submission whose indexed state the tracked changes touch.</summary>
    public static void RecordTracked(EvidenceDbContext db)
    {
        var changed = new Dictionary<long, bool>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Submission submission when entry.State == EntityState.Deleted:
                    Note(changed, submission.Id, urgent: true);
                    break;
                case Submission submission when entry.State == EntityState.Modified:
                    var touched = Touched(entry);
                    if (touched.Count > 0)
                    {
                        Note(changed, submission.Id, touched.Overlaps(Restricting) || submission.Status == ProcessingStatus.Failed);
                    }

                    break;
                case Passage passage:
                    Note(changed, Original(entry, passage.SubmissionId, nameof(Passage.SubmissionId)), urgent: false);
                    break;
                case ThemeTag tag:
                    Note(changed, Original(entry, tag.SubmissionId, nameof(ThemeTag.SubmissionId)), urgent: false);
                    break;
                case Campaigns.CampaignMember member when entry.State != EntityState.Modified
                    || entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Campaigns.CampaignMember.Similarity)):
                    // A member's similarity is not in the index: a template rebuilt over its campaign re-writes no entry for it.
                    Note(changed, Original(entry, member.SubmissionId, nameof(Campaigns.CampaignMember.SubmissionId)), urgent: false);
                    break;
            }
        }

        // A row the caller staged already (Record) serves: one row a submission a save, made urgent if need be.
        var staged = db.ChangeTracker.Entries<IndexChange>()
            .Where(e => e.State == EntityState.Added && e.Entity.SubmissionId is not null)
            .GroupBy(e => e.Entity.SubmissionId!.Value).ToDictionary(g => g.Key, g => g.First().Entity);
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, urgent) in changed)
        {
            if (staged.TryGetValue(id, out var row))
            {
                row.Urgent |= urgent;
                continue;
            }

            db.Add(new IndexChange { SubmissionId = id, Urgent = urgent, At = now });
        }
    }

    private static HashSet<string> Touched(EntityEntry entry)
    {
        var touched = entry.Properties.Where(p => p.IsModified && !NotIndexed.Contains(p.Metadata.Name))
            .Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        // The index holds no status: only a move to failed changes it (the submission's entries go). A move to
        // indexed follows the pipeline's store step, whose own row rewrote the entries; another row for it
        // would have every node write the same entries again.
        if (touched.Contains(nameof(Submission.Status))
            && entry.Entity is Submission { Status: not ProcessingStatus.Failed })
        {
            touched.Remove(nameof(Submission.Status));
        }

        return touched;
    }

    private static long Original(EntityEntry entry, long current, string property) =>
        entry.State == EntityState.Deleted ? (long)entry.Property(property).OriginalValue! : current;

    private static void Note(Dictionary<long, bool> changed, long submissionId, bool urgent)
    {
        if (submissionId <= 0)
        {
            return; // not saved yet: a new row has nothing in the index
        }

        changed[submissionId] = urgent || changed.GetValueOrDefault(submissionId);
    }
}
