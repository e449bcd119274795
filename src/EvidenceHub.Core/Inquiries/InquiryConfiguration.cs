using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Inquiries;

public sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> e)
    {
        e.HasIndex(i => i.Prefix).IsUnique();
        e.Property(i => i.Prefix).HasMaxLength(5);
        e.Property(i => i.Title).HasMaxLength(400);
        e.Property(i => i.Description).HasMaxLength(4000);
    }
}
