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
    /// <summary>Processes one submission.</summary>
    public Task RunAsync(long submissionId, CancellationToken cancellationToken) => RunManyAsync([submissionId], cancellationToken);

    /// <summary>
    /// Processes a group of submissions (a batch's rows) together: the same steps, each over the group, so a
    /// thousand short letters cost a few dozen transactions rather than thousands. One submission's unreadable
    /// file fails only that submission. Should anything else go wrong for the group, each is processed again on
    /// its own, so one submission's problem never holds back another.
    /// </summary>
    public async Task RunManyAsync(long[] submissionIds, CancellationToken cancellationToken)
    {
        if (submissionIds.Length == 1)
        {
            await RunOneAsync(submissionIds[0], cancellationToken);
            return;
        }

        try
        {
            await ProcessAsync(submissionIds, cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Processing {Count} submissions together failed; processing each on its own", submissionIds.Length);
        }

        var failures = new List<Exception>();
        foreach (var id in submissionIds)
        {
            db.ChangeTracker.Clear();
            try
            {
                await RunOneAsync(id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            // Retried by Hangfire: those already indexed are skipped by their "can run" check.
            throw new AggregateException(failures);
        }
    }

    private async Task RunOneAsync(long submissionId, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync([submissionId], cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or FileNotFoundException or DirectoryNotFoundException)
        {
            // Its row (and so its passages, or its file) went while the job ran: a deletion, not a failure.
            db.ChangeTracker.Clear();
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

    private async Task ProcessAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        // Can run: its current file has not been read (queued), or a run was cut short (extracting).
        var submissions = await db.Submissions.Include(s => s.Inquiry)
            .Where(s => submissionIds.Contains(s.Id) && s.Status != ProcessingStatus.Indexed && s.Status != ProcessingStatus.Failed)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (submissions.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        submissions.ForEach(s => s.Start(now));
        await db.SaveChangesAsync(cancellationToken);
        var started = submissions.ToDictionary(s => s.Id, s => s.StatusChangedAt);

        var steps = new StepTimes();
        var documents = await ExtractAsync(submissions, cancellationToken);
        steps.Lap("extract");
        if (documents.Count == 0)
        {
            return; // each failed, with its reason saved
        }

        var stored = await StorePassagesAsync(documents, cancellationToken);
        steps.Lap("store");
        var ids = stored.Select(d => d.Submission.Id).ToList();
        await quotes.ReanchorSubmissionsAsync(ids, cancellationToken);
        var retagged = await themes.EvaluateAsync(stored.Select(d => d.Submission).ToList(), cancellationToken);
        steps.Lap("quotes and themes");
        await campaigns.AssignAsync(ids, cancellationToken);
        steps.Lap("campaigns");
        await indexNow.ApplyAsync();
        steps.Lap("index");
        var marked = await MarkIndexedAsync(started.Where(p => ids.Contains(p.Key)).ToDictionary(), cancellationToken);
        steps.Lap("mark");

        foreach (var (submission, document) in stored)
        {
            if (!marked.Contains(submission.Id))
            {
                logger.LogInformation("{Reference} changed while it was processed (a new version, or deleted); the next run finishes it", submission.Reference);
                continue;
            }

            if (WordCoverage.Warning(document.WordCoverage) is { } warning)
            {
                logger.LogWarning("{Reference}: {Warning}", submission.Reference, warning);
            }
        }

        if (stored.Count == 1)
        {
            var (submission, document) = stored[0];
            logger.LogInformation("Processed {Reference}: {Passages} passages from {Pages} pages{Themes} in {ElapsedMs} ms ({Steps})",
                submission.Reference, document.Passages.Count, document.PageCount, retagged.Count > 0 ? ", themes changed" : string.Empty,
                elapsed.ElapsedMilliseconds, steps);
        }
        else
        {
            logger.LogInformation("Processed {Count} submissions ({First}–{Last}): {Passages} passages{Themes} in {ElapsedMs} ms ({Steps})",
                stored.Count, stored[0].Submission.Reference, stored[^1].Submission.Reference, stored.Sum(d => d.Document.Passages.Count),
                retagged.Count > 0 ? $", themes changed on {retagged.Count}" : string.Empty, elapsed.ElapsedMilliseconds, steps);
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

    private sealed record Read(Submission Submission, ExtractedDocument Document);

    /// <summary>
    /// Reads the stored files, then extracts them as one group (the extraction pool splits it across its children);
    /// the unreadable ones fail with their reasons, saved together.
    /// </summary>
    private async Task<List<Read>> ExtractAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var stored = await Task.WhenAll(submissions.Select(async submission =>
        {
            try
            {
                return (content: await ReadStoredFileAsync(submission, cancellationToken), failure: (ExtractionFailedException?)null);
            }
            catch (ExtractionFailedException ex)
            {
                return (content: (byte[]?)null, failure: ex);
            }
        }));
        var readable = Enumerable.Range(0, submissions.Count).Where(i => stored[i].content is not null).ToList();
        var results = await extraction.RunManyAsync([.. readable.Select(i => new ExtractionFile(stored[i].content!,
            new ExtractionRequest(submissions[i].DocumentType, submissions[i].Kind == SubmissionKind.Oral, submissions[i].Password)))], cancellationToken);
        var outcomes = submissions.Select((submission, i) => (submission, document: (ExtractedDocument?)null, failure: stored[i].failure)).ToArray();
        for (var n = 0; n < readable.Count; n++)
        {
            var i = readable[n];
            outcomes[i] = (submissions[i], results[n].Document, results[n].Failure);
        }

        var failed = outcomes.Where(o => o.failure is not null).ToList();
        foreach (var (submission, _, failure) in failed)
        {
            logger.LogWarning(failure, "Extraction of {Reference} failed ({Kind}); its group of {Count} took {ElapsedMs} ms",
                submission.Reference, failure!.Kind, submissions.Count, elapsed.ElapsedMilliseconds);
            // A password is kept only for the extraction it was given for: a wrong one, or one for a file that
            // fails for another reason, is not left in the database.
            submission.Password = null;
            submission.Fail(failure.Kind, failure.Message, clock.GetUtcNow());
        }

        if (failed.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcomes.Where(o => o.document is not null).Select(o => new Read(o.submission, o.document!)).ToList();
    }

    /// <summary>
    /// The last step, under the submissions' row locks: marks each indexed only if nobody moved its status
    /// since this run started it (a corrected version queued meanwhile is left for its own run). Returns
    /// those marked.
    /// </summary>
    private async Task<HashSet<long>> MarkIndexedAsync(IReadOnlyDictionary<long, DateTimeOffset> started, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = started.Keys.ToList();
            await SubmissionRowLock.TakeAllAsync(db, ids, cancellationToken);
            var marked = new HashSet<long>();
            foreach (var current in await db.Submissions.Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                if (current.Status == ProcessingStatus.Extracting && SubmissionRowLock.SameInstant(current.StatusChangedAt, started[current.Id]))
                {
                    current.MarkIndexed(clock.GetUtcNow());
                    marked.Add(current.Id);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return marked;
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
    /// Replaces the passages in one transaction, under each submission's row lock, with its content version
    /// raised (rules evaluated on the old passages can no longer save their tags) and people's passage tags
    /// moved onto the new passages. Returns those stored: a submission deleted meanwhile is left out.
    /// </summary>
    private async Task<List<Read>> StorePassagesAsync(IReadOnlyList<Read> documents, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The row locks, the versions under them, the passages to remember and the old passages' deletion:
            // a statement each for the whole group.
            var ids = documents.Select(d => d.Submission.Id).ToList();
            await SubmissionRowLock.TakeAllAsync(db, ids, cancellationToken);
            var versions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.ContentVersion, cancellationToken);
            if (documents.Count == 1 && versions.Count == 0)
            {
                throw new DbUpdateException("The submission was deleted while it was being read.");
            }

            var remembered = await PassageTagReanchoring.RememberAsync(db, ids, cancellationToken);
            await db.Passages.Where(p => ids.Contains(p.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            var stored = new List<Read>();
            var moves = new List<(long SubmissionId, IReadOnlyList<PassageTagReanchoring.OldPassage> Old, List<Passage> Passages)>();
            foreach (var read in documents)
            {
                var (submission, document) = read;
                if (!versions.TryGetValue(submission.Id, out var version))
                {
                    db.Entry(submission).State = EntityState.Detached; // deleted meanwhile
                    continue;
                }

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
                submission.ContentVersion = version + 1; // the version under the lock, raised
                submission.PageCount = document.PageCount;
                submission.PassageCount = document.Passages.Count;
                submission.WordCoverage = document.WordCoverage;
                submission.MetadataJson = document.Metadata.Count == 0 ? null : JsonSerializer.Serialize(document.Metadata);
                submission.Password = null;
                stored.Add(read);
                if (remembered.TryGetValue(submission.Id, out var old) && old.Count > 0)
                {
                    moves.Add((submission.Id, old, passages));
                }
            }

            IndexChangeLog.Record(db, stored.Select(r => r.Submission.Id)); // even when a new file has no passages at all
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (submissionId, old, passages) in moves)
            {
                await PassageTagReanchoring.MoveAsync(db, submissionId, old, passages, cancellationToken);
            }

            if (moves.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return stored;
        });
    }
}
