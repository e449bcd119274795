using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// An erasure request: a submission goes with its versions, passages, tags, index entries and files.
/// Quotes on it stay, as source-deleted, with their reference and location and none of the evidence.
/// The inquiry's reference counter is left alone, so the reference is never issued again. The audit
/// keeps that it happened, who did it and when, and counts — never the title, names or text.
/// </summary>
public sealed class SubmissionDeletion(
    EvidenceDbContext db,
    ImmediateIndexUpdate indexNow,
    IBlobStore blobs,
    AuditLog audit,
    ILogger<SubmissionDeletion> logger)
{
    /// <summary>False when there is no such submission.</summary>
    public async Task<bool> DeleteAsync(string reference, Actor actor, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        if (submission is null)
        {
            return false;
        }

        var files = await db.Set<SubmissionVersion>().Where(v => v.SubmissionId == submission.Id).Select(v => v.Sha256).ToListAsync(cancellationToken);
        files.Add(submission.Sha256);
        await EraseRowsAsync(submission, actor, files.Distinct().Count(), cancellationToken);

        // From here on the database no longer holds it: this node's index follows at once, whatever the
        // client does, and every other node before its next search (the change is urgent). A job that read
        // the submission before cannot write it back: every index write reads the database.
        await indexNow.ApplyAsync();
        logger.LogInformation("Deleted {Reference}", submission.Reference);

        foreach (var sha256 in files.Distinct())
        {
            await DeleteFileIfUnusedAsync(sha256);
        }

        return true;
    }

    private async Task EraseRowsAsync(Submission submission, Actor actor, int fileCount, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var id = submission.Id;
            var quotes = await db.Set<Quote>().Where(q => q.SubmissionId == id).ExecuteUpdateAsync(u => u
                .SetProperty(q => q.SubmissionId, (long?)null)
                .SetProperty(q => q.Status, QuoteStatus.SourceDeleted)
                .SetProperty(q => q.Text, string.Empty)
                .SetProperty(q => q.Before, string.Empty)
                .SetProperty(q => q.After, string.Empty)
                .SetProperty(q => q.Note, (string?)null) // an author's note often carries the evidence's words
                .SetProperty(q => q.Speaker, (string?)null) // a witness's name
                .SetProperty(q => q.PassageId, (long?)null)
                .SetProperty(q => q.SourceSha256, (string?)null), cancellationToken);
            await db.Set<ThemeTag>().Where(t => t.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<ThemeTagAudit>().Where(t => t.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SubmissionVersion>().Where(v => v.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
            var passages = await db.Passages.Where(p => p.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Submissions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            IndexChangeLog.Record(db, [id], urgent: true);
            audit.Add(actor, AuditActions.Deleted, submission.Inquiry!.Prefix, submission.Reference,
                $"{fileCount} file(s), {passages} passage(s) erased; {quotes} quote(s) kept as source-deleted");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Files are stored once by content, so the same bytes may also be another submission's (in another
    /// inquiry) or an earlier version of one: those stay.
    /// </summary>
    private async Task DeleteFileIfUnusedAsync(string sha256)
    {
        var used = await db.Submissions.AnyAsync(s => s.Sha256 == sha256)
            || await db.Set<SubmissionVersion>().AnyAsync(v => v.Sha256 == sha256);
        if (used)
        {
            return;
        }

        try
        {
            blobs.Delete(sha256);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The rows are gone and the answer is already decided; an administrator must remove the file by hand.
            logger.LogError(ex, "The file {Sha256} of a deleted submission could not be removed", sha256);
        }
    }
}
