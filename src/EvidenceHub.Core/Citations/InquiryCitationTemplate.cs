using EvidenceHub.Core.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Citations;

/// <summary>An inquiry's own citation templates; an inquiry without a row cites in <see cref="CitationStyle.Default"/>.</summary>
public sealed class InquiryCitationTemplate
{
    public int InquiryId { get; set; }

    public required string Written { get; set; }

    public required string Page { get; set; }

    public required string Oral { get; set; }

    /// <summary>Oral evidence cited by transcript page and line; null cites in <see cref="CitationStyle.DefaultTranscript"/>.</summary>
    public string? Transcript { get; set; }

    public CitationStyle AsStyle() => new(Written, Page, Oral, Transcript ?? CitationStyle.DefaultTranscript);
}

public sealed class InquiryCitationTemplateConfiguration : IEntityTypeConfiguration<InquiryCitationTemplate>
{
    public void Configure(EntityTypeBuilder<InquiryCitationTemplate> e)
    {
        e.ToTable("CitationTemplates");
        e.HasKey(t => t.InquiryId);
        e.HasOne<Inquiry>().WithOne().HasForeignKey<InquiryCitationTemplate>(t => t.InquiryId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Written).HasMaxLength(200);
        e.Property(t => t.Page).HasMaxLength(200);
        e.Property(t => t.Oral).HasMaxLength(200);
        e.Property(t => t.Transcript).HasMaxLength(200);
    }
}
