using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Campaigns;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.HasIndex(c => c.InquiryId);
        e.Property(c => c.Label).HasMaxLength(200);
        e.HasOne<Inquiry>().WithMany().HasForeignKey(c => c.InquiryId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> e)
    {
        e.HasKey(m => m.SubmissionId);
        e.HasIndex(m => m.CampaignId);
        e.Property(m => m.Origin).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Submission>().WithMany().HasForeignKey(m => m.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>No foreign key to the inquiry: the submission's cascade removes it, and SQL Server refuses a second path.</summary>
public sealed class CampaignSignatureConfiguration : IEntityTypeConfiguration<CampaignSignature>
{
    public void Configure(EntityTypeBuilder<CampaignSignature> e)
    {
        e.HasKey(s => s.SubmissionId);
        e.HasIndex(s => s.InquiryId);
        e.HasOne<Submission>().WithMany().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignBandConfiguration : IEntityTypeConfiguration<CampaignBand>
{
    public void Configure(EntityTypeBuilder<CampaignBand> e)
    {
        e.HasIndex(b => new { b.InquiryId, b.Key });
        e.HasIndex(b => b.SubmissionId);
        e.HasOne<Submission>().WithMany().HasForeignKey(b => b.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
