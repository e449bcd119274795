using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Extraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// Takes in a file: checks it, stores the bytes by SHA-256, issues the next reference code in the same
/// transaction as the insert (with its audit entry), and queues extraction.
/// </summary>
public sealed class SubmissionIntake(
    EvidenceDbContext db,
    IBlobStore blobs,
    IPipelineQueue queue,
    TimeProvider clock,
    IOptions<EvidenceHubOptions> options,
    AuditLog audit,
    ILogger<SubmissionIntake> logger)
{
    /// <param name="prefix">The inquiry.</param>
    /// <param name="upload">The file and what is known of its submitter.</param>
    /// <param name="actor">Who uploads it, for the audit.</param>
    /// <param name="via">Where it came from when not a single upload (<c>batch row 3</c>), for the audit.</param>
    /// <param name="cancellationToken">Stops before the insert.</param>
    public async Task<IntakeResult> AcceptAsync(string prefix, NewSubmission upload, Actor actor, CancellationToken cancellationToken, string? via = null)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return new IntakeResult.Refused(IntakeRefusal.InquiryNotFound, $"There is no inquiry with the prefix '{prefix}'.");
        }

        if (Check(upload) is { } refused)
        {
            return refused;
        }

        var type = DocumentTypeSniffer.Sniff(upload.Content);
        if (type is null)
        {
            return new IntakeResult.Refused(IntakeRefusal.UnsupportedType,
                $"'{upload.FileName}' is not a PDF, a Word (.docx) file or plain UTF-8 text, so it cannot be read. Save it in one of those formats and upload it again.");
        }

        var sha256 = FileSystemBlobStore.Sha256Of(upload.Content);
        if (await ExistingReferenceAsync(inquiry.Id, sha256, cancellationToken) is { } existing)
        {
            return new IntakeResult.Duplicate(existing);
        }

        // On the disk before the row that names it is committed: a crash between the two leaves a spare file, never a row without one.
        await blobs.PutAsync(sha256, upload.Content, cancellationToken);
        try
        {
            var detail = string.Join(", ", new[] { upload.Kind.ToCode(), type.Value.ToString().ToLowerInvariant(), via,
                upload.Publication == Publication.Received ? null : upload.Publication.ToCode() }.OfType<string>());
            var submission = await InsertAsync(inquiry, upload, type.Value, sha256, actor, detail, cancellationToken);
            logger.LogInformation("Accepted {Reference} ({Type}, {Bytes} bytes) for {Inquiry}",
                submission.Reference, type, upload.Content.Length, prefix);
            queue.Process(submission.Id);
            return new IntakeResult.Accepted(submission);
        }
        catch (DbUpdateException)
        {
            // Two uploads of the same bytes raced past the check above; the unique index decided.
            var raced = await ExistingReferenceAsync(inquiry.Id, sha256, CancellationToken.None);
            if (raced is null)
            {
                throw;
            }

            return new IntakeResult.Duplicate(raced);
        }
    }

    private IntakeResult? Check(NewSubmission upload)
    {
        if (upload.Content.Length == 0)
        {
            return new IntakeResult.Refused(IntakeRefusal.Empty, $"'{upload.FileName}' is empty (0 bytes). Check the file and upload it again.");
        }

        var limit = options.Value.MaxUploadBytes;
        return upload.Content.Length > limit
            ? new IntakeResult.Refused(IntakeRefusal.TooLarge,
                $"'{upload.FileName}' is {Megabytes(upload.Content.Length)}; the largest file accepted is {Megabytes(limit)}.")
            : null;
    }

    private Task<string?> ExistingReferenceAsync(int inquiryId, string sha256, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().Where(s => s.InquiryId == inquiryId && s.Sha256 == sha256)
            .Select(s => s.Reference).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The counter row is bumped first, so the transaction holds the write lock on it (every database
    /// we run on) until the submission row is in: two uploads can never take the same number.
    /// </summary>
    private async Task<Submission> InsertAsync(
        Inquiry inquiry, NewSubmission upload, DocumentType type, string sha256, Actor actor, string detail, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Inquiries.Where(i => i.Id == inquiry.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastReferenceNumber, i => i.LastReferenceNumber + 1), cancellationToken);
            var number = await db.Inquiries.Where(i => i.Id == inquiry.Id).Select(i => i.LastReferenceNumber).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var submission = new Submission
            {
                InquiryId = inquiry.Id,
                Number = number,
                Reference = ReferenceCode.Format(inquiry.Prefix, number),
                Kind = upload.Kind,
                Title = Blank(upload.Title),
                SubmitterName = upload.SubmitterName.Trim(),
                Organisation = Blank(upload.Organisation),
                Category = upload.Category,
                Anonymous = upload.Anonymous,
                ReceivedOn = upload.ReceivedOn ?? DateOnly.FromDateTime(now.UtcDateTime),
                Publication = upload.Publication,
                DocumentType = type,
                FileName = Path.GetFileName(upload.FileName),
                SizeBytes = upload.Content.Length,
                Sha256 = sha256,
                Password = Blank(upload.Password),
                CreatedAt = now,
            };
            submission.Queue(now);
            db.Submissions.Add(submission);
            audit.Add(actor, AuditActions.Uploaded, inquiry.Prefix, submission.Reference, detail);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return submission;
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
