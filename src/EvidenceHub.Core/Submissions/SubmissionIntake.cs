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
            return Unsupported(upload);
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
            var submission = (await InsertAsync(inquiry, [new Candidate(0, upload, type.Value, sha256, via)], actor, cancellationToken))[0];
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

    /// <summary>How many of a batch's files are stored and inserted together, in one transaction.</summary>
    public const int BatchChunk = 100;

    /// <summary>
    /// Takes in a batch's files with the same checks as <see cref="AcceptAsync"/>, a hundred at a time: their
    /// bytes stored with one wait for the disk, their rows (numbered in the order given) and audit entries in
    /// one transaction, processed in groups. Should a chunk's transaction fail (two uploads of the same bytes
    /// racing), its files are taken in one by one, so one file's problem never harms another. Results are in
    /// the order of <paramref name="uploads"/>; the same bytes twice in one batch are a duplicate of the first.
    /// </summary>
    /// <param name="prefix">The inquiry.</param>
    /// <param name="uploads">Each file with where it came from (<c>batch row 3</c>), for the audit.</param>
    /// <param name="actor">Who uploads them, for the audit.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public async Task<IReadOnlyList<IntakeResult>> AcceptManyAsync(
        string prefix, IReadOnlyList<(NewSubmission Upload, string? Via)> uploads, Actor actor, CancellationToken cancellationToken)
    {
        var results = new IntakeResult[uploads.Count];
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            Array.Fill(results, new IntakeResult.Refused(IntakeRefusal.InquiryNotFound, $"There is no inquiry with the prefix '{prefix}'."));
            return results;
        }

        var fresh = new List<Candidate>();
        var firstOfSha = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeats = new List<(int Index, int First)>();
        for (var i = 0; i < uploads.Count; i++)
        {
            var (upload, via) = uploads[i];
            if (Check(upload) is { } refused)
            {
                results[i] = refused;
                continue;
            }

            if (DocumentTypeSniffer.Sniff(upload.Content) is not { } type)
            {
                results[i] = Unsupported(upload);
                continue;
            }

            var sha256 = FileSystemBlobStore.Sha256Of(upload.Content);
            if (firstOfSha.TryGetValue(sha256, out var first))
            {
                repeats.Add((i, first));
                continue;
            }

            firstOfSha[sha256] = i;
            fresh.Add(new Candidate(i, upload, type, sha256, via));
        }

        var shas = fresh.Select(c => c.Sha256).ToList();
        var existing = shas.Count == 0 ? [] : await db.Submissions.AsNoTracking()
            .Where(s => s.InquiryId == inquiry.Id && shas.Contains(s.Sha256))
            .Select(s => new { s.Sha256, s.Reference }).ToDictionaryAsync(s => s.Sha256, s => s.Reference, StringComparer.Ordinal, cancellationToken);
        foreach (var candidate in fresh.Where(c => existing.ContainsKey(c.Sha256)))
        {
            results[candidate.Index] = new IntakeResult.Duplicate(existing[candidate.Sha256]);
        }

        foreach (var chunk in fresh.Where(c => !existing.ContainsKey(c.Sha256)).Chunk(BatchChunk))
        {
            await blobs.PutManyAsync(chunk.Select(c => (c.Sha256, c.Upload.Content)).ToList(), cancellationToken);
            IReadOnlyList<Submission> inserted;
            try
            {
                inserted = await InsertAsync(inquiry, chunk, actor, cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                logger.LogWarning(ex, "{Count} files of a batch for {Inquiry} could not be inserted together; taking them one by one", chunk.Length, prefix);
                db.ChangeTracker.Clear();
                foreach (var candidate in chunk)
                {
                    results[candidate.Index] = await AcceptAsync(prefix, candidate.Upload, actor, cancellationToken, candidate.Via);
                }

                continue;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                results[chunk[i].Index] = new IntakeResult.Accepted(inserted[i]);
            }

            logger.LogInformation("Accepted {First}–{Last} ({Count} files) for {Inquiry}", inserted[0].Reference, inserted[^1].Reference, inserted.Count, prefix);
            queue.Process(inserted.Select(s => s.Id).ToList());
        }

        foreach (var (index, first) in repeats)
        {
            results[index] = results[first] switch
            {
                IntakeResult.Accepted a => new IntakeResult.Duplicate(a.Submission.Reference),
                IntakeResult.Duplicate d => d,
                _ => results[first],
            };
        }

        return results;
    }

    private sealed record Candidate(int Index, NewSubmission Upload, DocumentType Type, string Sha256, string? Via);

    private static IntakeResult.Refused Unsupported(NewSubmission upload) => new(IntakeRefusal.UnsupportedType,
        $"'{upload.FileName}' is not a PDF, a Word (.docx) file or plain UTF-8 text, so it cannot be read. Save it in one of those formats and upload it again.");

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
    /// The counter row is bumped first, by as many as are inserted, so the transaction holds the write lock on
    /// it (every database we run on) until the submission rows are in: two uploads can never take the same number.
    /// </summary>
    private async Task<IReadOnlyList<Submission>> InsertAsync(
        Inquiry inquiry, IReadOnlyList<Candidate> candidates, Actor actor, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Inquiries.Where(i => i.Id == inquiry.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastReferenceNumber, i => i.LastReferenceNumber + candidates.Count), cancellationToken);
            var last = await db.Inquiries.Where(i => i.Id == inquiry.Id).Select(i => i.LastReferenceNumber).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var submissions = candidates.Select((candidate, i) =>
            {
                var (_, upload, type, sha256, via) = candidate;
                var number = last - candidates.Count + 1 + i;
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
                var detail = string.Join(", ", new[] { upload.Kind.ToCode(), type.ToString().ToLowerInvariant(), via,
                    upload.Publication == Publication.Received ? null : upload.Publication.ToCode() }.OfType<string>());
                audit.Add(actor, AuditActions.Uploaded, inquiry.Prefix, submission.Reference, detail);
                return submission;
            }).ToList();
            db.Submissions.AddRange(submissions);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return submissions;
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
