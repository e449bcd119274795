using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Storage;

/// <summary>The source of truth: inquiries, submissions and their passages. The index is derived from it.</summary>
public sealed class EvidenceDbContext(DbContextOptions<EvidenceDbContext> options) : DbContext(options)
{
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Passage> Passages => Set<Passage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Inquiry>(e =>
        {
            e.HasIndex(i => i.Prefix).IsUnique();
            e.Property(i => i.Prefix).HasMaxLength(5);
            e.Property(i => i.Title).HasMaxLength(400);
            e.Property(i => i.Description).HasMaxLength(4000);
        });

        model.Entity<Submission>(e =>
        {
            e.HasIndex(s => s.Reference).IsUnique();
            e.HasIndex(s => new { s.InquiryId, s.Number }).IsUnique();
            e.HasIndex(s => new { s.InquiryId, s.Sha256 }).IsUnique();
            e.HasIndex(s => s.Status);
            e.Property(s => s.Reference).HasMaxLength(9);
            e.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
            e.Property(s => s.Title).HasMaxLength(400);
            e.Property(s => s.SubmitterName).HasMaxLength(300);
            e.Property(s => s.Organisation).HasMaxLength(300);
            e.Property(s => s.FileName).HasMaxLength(260);
            e.Property(s => s.FailureReason).HasMaxLength(1000);
            e.Property(s => s.Password).HasMaxLength(200);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.Publication).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.FailureKind).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.DocumentType).HasConversion<string>().HasMaxLength(10);
            e.HasOne(s => s.Inquiry).WithMany().HasForeignKey(s => s.InquiryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Passages).WithOne().HasForeignKey(p => p.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Passage>(e =>
        {
            e.HasIndex(p => new { p.SubmissionId, p.Ordinal }).IsUnique();
            e.Property(p => p.Paragraph).HasMaxLength(40);
            e.Property(p => p.Question).HasMaxLength(20);
            e.Property(p => p.Speaker).HasMaxLength(200);
            e.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        });
    }
}
