using System.Diagnostics;
using System.Text.Json;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Extraction;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The "extract" job: reads the stored file, writes its passages to the database (replacing any from an
/// earlier run, and moving passage tags people made onto the new passages), finds the submission's
/// quotes again in the new passages, then queues indexing.
/// Idempotent; a file that cannot be read fails with a plain reason. A submission deleted before or
/// while it runs leaves it nothing to do: it ends quietly rather than failing or retrying.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class ExtractSubmissionJob(
    EvidenceDbContext db,
    IBlobStore blobs,
    ExtractionRunner extraction,
    SubmissionStatusWriter status,
    IPipelineQueue queue,
    QuoteReanchoring quotes,
    ILogger<ExtractSubmissionJob> logger)
{
    public async Task RunAsync(long submissionId, CancellationToken cancellationToken)
    {
        try
        {
            await ExtractAsync(submissionId, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or FileNotFoundException or DirectoryNotFoundException)
        {
            // Its row (and so its passages, or its file) went while the job ran: a deletion, not a failure.
            if (await db.Submissions.AsNoTracking().AnyAsync(s => s.Id == submissionId, CancellationToken.None))
            {
                throw;
            }

            logger.LogInformation("Submission {Id} was deleted while it was being read; nothing is left to do", submissionId);
        }
    }

    private async Task ExtractAsync(long submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null || submission.Status is ProcessingStatus.Indexed or ProcessingStatus.Failed)
        {
            return;
        }

        await status.SetAsync(submission, ProcessingStatus.Extracting, cancellationToken);
        var clock = Stopwatch.StartNew();
        ExtractedDocument document;
        try
        {
            var content = await ReadStoredFileAsync(submission, cancellationToken);
            var request = new ExtractionRequest(submission.DocumentType, submission.Kind == SubmissionKind.Oral, submission.Password);
            document = await extraction.RunAsync(content, request, cancellationToken);
        }
        catch (ExtractionFailedException ex)
        {
            logger.LogWarning(ex, "Extraction of {Reference} failed ({Kind}) after {ElapsedMs} ms", submission.Reference, ex.Kind, clock.ElapsedMilliseconds);
            // A password is kept only for the extraction it was given for: a wrong one, or one for a file that
            // fails for another reason, is not left in the database.
            submission.Password = null;
            await status.FailAsync(submission, ex.Kind, ex.Message, cancellationToken);
            return;
        }

        await ReplacePassagesAsync(submission, document, cancellationToken);
        await quotes.ReanchorSubmissionAsync(submission.Id, cancellationToken);
        logger.LogInformation("Extracted {Reference}: {Passages} passages from {Pages} pages in {ElapsedMs} ms",
            submission.Reference, document.Passages.Count, document.PageCount, clock.ElapsedMilliseconds);
        queue.Index(submission.Id);
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

    private async Task ReplacePassagesAsync(Submission submission, ExtractedDocument document, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
            }).ToList();
            db.Passages.AddRange(passages);
            submission.PageCount = document.PageCount;
            submission.PassageCount = document.Passages.Count;
            submission.MetadataJson = document.Metadata.Count == 0 ? null : JsonSerializer.Serialize(document.Metadata);
            submission.Password = null;
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
