using System.Diagnostics;
using System.Text.Json;
using EvidenceHub.Core.Campaigns;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Extraction;
using EvidenceHub.Extraction.Coverage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The pipeline, one job per submission, in ordered steps, each idempotent with its own "can run" check:
/// extract → store passages (moving people's passage tags) → re-anchor quotes → evaluate theme rules →
/// campaign membership (<see cref="CampaignAssignment"/>) → write the index → mark indexed. A crash anywhere leaves the submission queued or extracting, and the
/// reconciler runs the job again from the start. Only <see cref="Submission"/>'s own methods change its
/// status. A submission deleted before or while it runs leaves it nothing to do: it ends quietly.
/// </summary>
/// <remarks>
/// "Write the index" is the change-log row each step's save adds in its own transaction; every web node's
/// <see cref="IndexReplica"/> applies it. On a node that has an index, the job waits for it to have done so
/// before it marks the submission indexed, so "indexed" means searchable here.
/// </remarks>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class ProcessSubmissionJob(
    EvidenceDbContext db,
    IBlobStore blobs,
    ExtractionRunner extraction,
    QuoteReanchoring quotes,
    SubmissionThemeEvaluator themes,
    CampaignAssignment campaigns,
    ImmediateIndexUpdate indexNow,
    TimeProvider clock,
    ILogger<ProcessSubmissionJob> logger)
{
    public async Task RunAsync(long submissionId, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(submissionId, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or FileNotFoundException or DirectoryNotFoundException)
        {
            // Its row (and so its passages, or its file) went while the job ran: a deletion, not a failure.
            if (await db.Submissions.AsNoTracking().AnyAsync(s => s.Id == submissionId, CancellationToken.None))
            {
                throw;
            }

            logger.LogInformation("Submission {Id} was deleted while it was being processed; nothing is left to do", submissionId);
        }
    }

    /// <summary>
    /// Refreshes a submission's index entry after a change that is not a new file (a theme renamed or deleted,
    /// names a rule may read): evaluates its theme rules again and rewrites its entry. Never changes its
    /// status, so it cannot mark a submission indexed while a new version of its file waits to be read.
    /// </summary>
    public async Task RefreshAsync(long submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Inquiry).FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null || submission.Status == ProcessingStatus.Failed)
        {
            return;
        }

        await themes.EvaluateAsync(submission, submission.Inquiry!.Prefix, cancellationToken);
        IndexChangeLog.Record(db, [submissionId]);
        await db.SaveChangesAsync(cancellationToken);
        await indexNow.ApplyAsync();
    }

    private async Task ProcessAsync(long submissionId, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var submission = await db.Submissions.Include(s => s.Inquiry).FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        // Can run: its current file has not been read (queued), or a run was cut short (extracting).
        if (submission is null || submission.Status is ProcessingStatus.Indexed or ProcessingStatus.Failed)
        {
            return;
        }

        submission.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var started = submission.StatusChangedAt;

        var document = await ExtractAsync(submission, cancellationToken);
        if (document is null)
        {
            return; // failed, with its reason saved
        }

        await StorePassagesAsync(submission, document, cancellationToken);
        await quotes.ReanchorSubmissionAsync(submission.Id, cancellationToken);
        var retagged = await themes.EvaluateAsync(submission, submission.Inquiry!.Prefix, cancellationToken);
        var campaignStep = Stopwatch.StartNew();
        await campaigns.AssignAsync(submission.Id, cancellationToken);
        campaignStep.Stop();
        await indexNow.ApplyAsync();
        if (!await MarkIndexedAsync(submissionId, started, cancellationToken))
        {
            logger.LogInformation("{Reference} changed while it was processed (a new version, or deleted); the next run finishes it", submission.Reference);
            return;
        }

        logger.LogInformation("Processed {Reference}: {Passages} passages from {Pages} pages{Themes} in {ElapsedMs} ms (campaign step {CampaignMs} ms)",
            submission.Reference, document.Passages.Count, document.PageCount, retagged ? ", themes changed" : string.Empty, elapsed.ElapsedMilliseconds,
            campaignStep.ElapsedMilliseconds);
        if (WordCoverage.Warning(document.WordCoverage) is { } warning)
        {
            logger.LogWarning("{Reference}: {Warning}", submission.Reference, warning);
        }
    }

    /// <summary>A field cut to its column at a word (a section of many headings in a row can run long).</summary>
    private static string? Shorter(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]) + "…";
    }

    private async Task<ExtractedDocument?> ExtractAsync(Submission submission, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        try
        {
            var content = await ReadStoredFileAsync(submission, cancellationToken);
            var request = new ExtractionRequest(submission.DocumentType, submission.Kind == SubmissionKind.Oral, submission.Password);
            return await extraction.RunAsync(content, request, cancellationToken);
        }
        catch (ExtractionFailedException ex)
        {
            logger.LogWarning(ex, "Extraction of {Reference} failed ({Kind}) after {ElapsedMs} ms", submission.Reference, ex.Kind, elapsed.ElapsedMilliseconds);
            // A password is kept only for the extraction it was given for: a wrong one, or one for a file that
            // fails for another reason, is not left in the database.
            submission.Password = null;
            submission.Fail(ex.Kind, ex.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// The last step, under the submission's row lock: marks it indexed only if nobody moved its status since
    /// this run started it (a corrected version queued meanwhile is left for its own run).
    /// </summary>
    private async Task<bool> MarkIndexedAsync(long submissionId, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await SubmissionRowLock.TakeAsync(db, submissionId, cancellationToken))
            {
                return false;
            }

            var current = await db.Submissions.FirstAsync(s => s.Id == submissionId, cancellationToken);
            if (current.Status != ProcessingStatus.Extracting || !SubmissionRowLock.SameInstant(current.StatusChangedAt, started))
            {
                return false;
            }

            current.MarkIndexed(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>
    /// A damaged or missing original fails the submission with a plain reason rather than being read (the
    /// passages would be of bytes nobody sent) or retried (it will not heal by itself).
    /// </summary>
    private async Task<byte[]> ReadStoredFileAsync(Submission submission, CancellationToken cancellationToken)
    {
        try
        {
            return await blobs.GetAsync(submission.Sha256, cancellationToken);
        }
        catch (StoredFileDamagedException ex)
        {
            logger.LogError(ex, "The stored file of {Reference} is {Problem}", submission.Reference, ex.Missing ? "missing" : "damaged");
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile, ex.Missing
                ? "The stored copy of the file is missing from the files folder, so it could not be read. An administrator can restore it from backup."
                : "The stored copy of the file is damaged (it no longer matches the file that was uploaded), so it was not read. An administrator can restore it from backup.",
                ex);
        }
    }

    /// <summary>
    /// Replaces the passages in one transaction, under the submission's row lock, with its content version
    /// raised (rules evaluated on the old passages can no longer save their tags) and people's passage tags
    /// moved onto the new passages.
    /// </summary>
    private async Task StorePassagesAsync(Submission submission, ExtractedDocument document, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await SubmissionRowLock.TakeAsync(db, submission.Id, cancellationToken))
            {
                throw new DbUpdateException("The submission was deleted while it was being read.");
            }

            var old = await PassageTagReanchoring.RememberAsync(db, submission.Id, cancellationToken);
            await db.Passages.Where(p => p.SubmissionId == submission.Id).ExecuteDeleteAsync(cancellationToken);
            var passages = document.Passages.Select((p, i) => new Passage
            {
                SubmissionId = submission.Id,
                Ordinal = i + 1,
                Page = p.Page,
                Paragraph = p.Paragraph,
                Question = p.Question,
                Speaker = p.Speaker,
                Role = p.Role,
                Text = p.Text,
                Section = Shorter(p.Section, Passage.MaxSectionLength),
                Time = Shorter(p.Time, 20),
                LineStart = p.LineStart,
                LineEnd = p.LineEnd,
                SpeakerRole = Shorter(p.SpeakerRole, 60),
            }).ToList();
            db.Passages.AddRange(passages);
            await db.Entry(submission).ReloadAsync(cancellationToken); // the version under the lock
            submission.ContentVersion++;
            submission.PageCount = document.PageCount;
            submission.PassageCount = document.Passages.Count;
            submission.WordCoverage = document.WordCoverage;
            submission.MetadataJson = document.Metadata.Count == 0 ? null : JsonSerializer.Serialize(document.Metadata);
            submission.Password = null;
            IndexChangeLog.Record(db, [submission.Id]); // even when the new file has no passages at all
            await db.SaveChangesAsync(cancellationToken);
            if (old.Count > 0)
            {
                await PassageTagReanchoring.MoveAsync(db, submission.Id, old, passages, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }
}
