using EvidenceHub.Core.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Quotes;

public sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> e)
    {
        e.HasIndex(q => q.SubmissionId);
        e.HasIndex(q => q.InquiryId);
        e.HasIndex(q => new { q.CollectionId, q.Position });
        // A quote outlives its submission (as source-deleted). The submission id is a concurrency token so
        // that a re-anchoring that read the quote before the deletion cannot write its text back after it.
        e.HasOne(q => q.Submission).WithMany().HasForeignKey(q => q.SubmissionId).OnDelete(DeleteBehavior.SetNull);
        e.Property(q => q.SubmissionId).IsConcurrencyToken();
        e.HasOne<Inquiry>().WithMany().HasForeignKey(q => q.InquiryId).OnDelete(DeleteBehavior.Restrict);
        e.Property(q => q.Reference).HasMaxLength(9);
        e.HasOne(q => q.Collection).WithMany(c => c.Quotes).HasForeignKey(q => q.CollectionId).OnDelete(DeleteBehavior.SetNull);
        e.Property(q => q.Text).HasMaxLength(8000);
        e.Property(q => q.Note).HasMaxLength(4000);
        e.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(q => q.SourceSha256).HasMaxLength(64).IsFixedLength();
        e.Property(q => q.Paragraph).HasMaxLength(40);
        e.Property(q => q.Question).HasMaxLength(20);
        e.Property(q => q.Speaker).HasMaxLength(200);
        e.Property(q => q.Before).HasMaxLength(QuoteAnchor.ContextLength * 2);
        e.Property(q => q.After).HasMaxLength(QuoteAnchor.ContextLength * 2);
    }
}

public sealed class QuoteCollectionConfiguration : IEntityTypeConfiguration<QuoteCollection>
{
    public void Configure(EntityTypeBuilder<QuoteCollection> e)
    {
        e.ToTable("QuoteCollections");
        e.HasIndex(c => c.Name).IsUnique();
        e.Property(c => c.Name).HasMaxLength(200);
    }
}
