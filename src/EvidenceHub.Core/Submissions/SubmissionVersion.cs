using EvidenceHub.Extraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// One file a submission has had. A submission that was never corrected has no rows: its only version
/// is the file on the submission itself. The first correction records the original as version 1.
/// </summary>
public sealed class SubmissionVersion
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public int Number { get; set; }

    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    public DocumentType DocumentType { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public static SubmissionVersion OriginalOf(Submission s) => new()
    {
        SubmissionId = s.Id,
        Number = 1,
        Sha256 = s.Sha256,
        FileName = s.FileName,
        SizeBytes = s.SizeBytes,
        DocumentType = s.DocumentType,
        UploadedAt = s.CreatedAt,
    };
}

public sealed class SubmissionVersionConfiguration : IEntityTypeConfiguration<SubmissionVersion>
{
    public void Configure(EntityTypeBuilder<SubmissionVersion> e)
    {
        e.HasIndex(v => new { v.SubmissionId, v.Number }).IsUnique();
        e.HasOne<Submission>().WithMany().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        e.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        e.Property(v => v.FileName).HasMaxLength(260);
        e.Property(v => v.DocumentType).HasConversion<string>().HasMaxLength(10);
    }
}
