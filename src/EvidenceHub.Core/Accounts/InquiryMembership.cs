using EvidenceHub.Core.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Accounts;

/// <summary>A user's role in one inquiry; a user holds at most one role per inquiry.</summary>
public sealed class InquiryMembership
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public int InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    public InquiryRole Role { get; set; }

    public DateTimeOffset GrantedAt { get; set; }
}

public sealed class InquiryMembershipConfiguration : IEntityTypeConfiguration<InquiryMembership>
{
    public void Configure(EntityTypeBuilder<InquiryMembership> e)
    {
        e.HasIndex(m => new { m.UserId, m.InquiryId }).IsUnique();
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne<EvidenceUser>().WithMany(u => u.Memberships).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.Inquiry).WithMany().HasForeignKey(m => m.InquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}
