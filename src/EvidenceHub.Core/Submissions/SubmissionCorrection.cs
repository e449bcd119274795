using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Extraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Submissions;

public abstract record CorrectionResult
{
    public sealed record Accepted(Submission Submission, SubmissionVersion Version) : CorrectionResult;

    public sealed record Conflict(string Detail) : CorrectionResult;

    public sealed record Refused(IntakeRefusal Reason, string Detail) : CorrectionResult;
}

/// <summary>
/// Takes a corrected version of a submission: same reference, the new file kept beside the old, the
/// submission re-extracted and re-indexed (extraction re-anchors its quotes).
/// </summary>
public sealed class SubmissionCorrection(
    EvidenceDbContext db,
    IBlobStore blobs,
    IPipelineQueue queue,
    TimeProvider clock,
    IOptions<EvidenceHubOptions> options,
    AuditLog audit)
{
    public async Task<CorrectionResult?> AcceptAsync(string reference, string fileName, byte[] content, Actor actor, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        if (submission is null)
        {
            return null;
        }

        if (content.Length == 0)
        {
            return new CorrectionResult.Refused(IntakeRefusal.Empty, $"'{fileName}' is empty (0 bytes). Check the file and upload it again.");
        }

        if (content.Length > options.Value.MaxUploadBytes)
        {
            return new CorrectionResult.Refused(IntakeRefusal.TooLarge, $"'{fileName}' is larger than the upload limit.");
        }

        if (DocumentTypeSniffer.Sniff(content) is not { } type)
        {
            return new CorrectionResult.Refused(IntakeRefusal.UnsupportedType,
                $"'{fileName}' is not a PDF, a Word (.docx) file or plain UTF-8 text, so it cannot be read.");
        }

        var sha256 = FileSystemBlobStore.Sha256Of(content);
        if (sha256 == submission.Sha256)
        {
            return new CorrectionResult.Conflict($"This file is already the current version of {submission.Reference}.");
        }

        var other = await db.Submissions.AsNoTracking()
            .Where(s => s.InquiryId == submission.InquiryId && s.Sha256 == sha256).Select(s => s.Reference).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            return new CorrectionResult.Conflict($"The same file is already in this inquiry as {other}.");
        }

        // On the disk before the row that names it is committed: a crash between the two leaves a spare file, never a row without one.
        await blobs.PutAsync(sha256, content, cancellationToken);
        var version = await RecordAsync(submission, Path.GetFileName(fileName), content.Length, type, sha256, actor, cancellationToken);
        queue.Process(submission.Id);
        return new CorrectionResult.Accepted(submission, version);
    }

    private async Task<SubmissionVersion> RecordAsync(
        Submission submission, string fileName, long size, DocumentType type, string sha256, Actor actor, CancellationToken cancellationToken)
    {
        var versions = db.Set<SubmissionVersion>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var last = await versions.Where(v => v.SubmissionId == submission.Id).MaxAsync(v => (int?)v.Number, cancellationToken);
            if (last is null)
            {
                versions.Add(SubmissionVersion.OriginalOf(submission));
                last = 1;
            }

            var now = clock.GetUtcNow();
            var version = new SubmissionVersion
            {
                SubmissionId = submission.Id,
                Number = last.Value + 1,
                Sha256 = sha256,
                FileName = string.IsNullOrWhiteSpace(fileName) ? submission.FileName : fileName,
                SizeBytes = size,
                DocumentType = type,
                UploadedAt = now,
            };
            versions.Add(version);
            submission.Sha256 = sha256;
            submission.FileName = version.FileName;
            submission.SizeBytes = size;
            submission.DocumentType = type;
            submission.Queue(now);
            audit.Add(actor, AuditActions.VersionUploaded, reference: submission.Reference,
                detail: $"version {version.Number}, {type.ToString().ToLowerInvariant()}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return version;
        });
    }
}
