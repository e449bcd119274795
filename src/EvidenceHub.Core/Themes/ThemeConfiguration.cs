using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Themes;

public sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> e)
    {
        e.HasIndex(t => new { t.InquiryId, t.Name }).IsUnique();
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.Description).HasMaxLength(2000);
        e.Property(t => t.Rule).HasMaxLength(4000);
        e.Property(t => t.Colour).HasMaxLength(7);
        e.Property(t => t.RuleVersion).IsConcurrencyToken();
        e.HasOne<Inquiry>().WithMany().HasForeignKey(t => t.InquiryId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// No foreign key to the passage: passages belong to their submission (cascade), and a second cascade
/// path to tags is refused by SQL Server. Tags of passages that no longer exist are ignored on read.
/// </summary>
public sealed class ThemeTagConfiguration : IEntityTypeConfiguration<ThemeTag>
{
    public void Configure(EntityTypeBuilder<ThemeTag> e)
    {
        e.HasIndex(t => new { t.ThemeId, t.SubmissionId, t.PassageId }).IsUnique();
        e.HasIndex(t => t.SubmissionId);
        e.Property(t => t.Origin).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Review).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.MatchedTerms).HasMaxLength(1000);
        e.Property(t => t.TaggedBy).HasMaxLength(100);
        e.Property(t => t.ReviewedBy).HasMaxLength(100);
        e.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Submission>().WithMany().HasForeignKey(t => t.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ThemeTagAuditConfiguration : IEntityTypeConfiguration<ThemeTagAudit>
{
    public void Configure(EntityTypeBuilder<ThemeTagAudit> e)
    {
        e.HasIndex(a => a.SubmissionId);
        e.Property(a => a.ThemeName).HasMaxLength(200);
        e.Property(a => a.Action).HasMaxLength(20);
        e.Property(a => a.By).HasMaxLength(100);
        e.HasOne<Submission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
