using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Submissions;

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> e)
    {
        e.HasIndex(s => s.Reference).IsUnique();
        e.HasIndex(s => new { s.InquiryId, s.Number }).IsUnique();
        e.HasIndex(s => new { s.InquiryId, s.Sha256 }).IsUnique();
        e.HasIndex(s => s.Status);
        e.Property(s => s.Reference).HasMaxLength(9);
        e.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
        e.Property(s => s.Title).HasMaxLength(SubmitterFields.MaxTitleLength);
        e.Property(s => s.SubmitterName).HasMaxLength(SubmitterFields.MaxNameLength);
        e.Property(s => s.Organisation).HasMaxLength(SubmitterFields.MaxNameLength);
        e.Property(s => s.FileName).HasMaxLength(260);
        e.Property(s => s.FailureReason).HasMaxLength(1000);
        e.Property(s => s.Password).HasMaxLength(200);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(s => s.Publication).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.FailureKind).HasConversion<string>().HasMaxLength(30);
        e.Property(s => s.DocumentType).HasConversion<string>().HasMaxLength(10);
        e.Ignore(s => s.ExtractionWarning);
        e.HasOne(s => s.Inquiry).WithMany().HasForeignKey(s => s.InquiryId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.Passages).WithOne().HasForeignKey(p => p.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PassageConfiguration : IEntityTypeConfiguration<Passage>
{
    public void Configure(EntityTypeBuilder<Passage> e)
    {
        e.HasIndex(p => new { p.SubmissionId, p.Ordinal }).IsUnique();
        e.Property(p => p.Paragraph).HasMaxLength(40);
        e.Property(p => p.Question).HasMaxLength(20);
        e.Property(p => p.Speaker).HasMaxLength(200);
        e.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Section).HasMaxLength(Passage.MaxSectionLength);
        e.Property(p => p.Time).HasMaxLength(20);
        e.Property(p => p.SpeakerRole).HasMaxLength(60);
    }
}
