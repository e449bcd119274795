using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Audit;

/// <summary>
/// One thing a person did that an inquiry office must be able to account for: who, what, when, and
/// to which inquiry or submission. It names the user as they were (their email is copied, so the
/// entry survives the user's removal) and never holds the content of evidence.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public long? UserId { get; set; }

    /// <summary>The user's email (or "system" for start-up work).</summary>
    public required string User { get; set; }

    /// <summary>A code from <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public string? Inquiry { get; set; }

    public string? Reference { get; set; }

    /// <summary>What changed, in a few words (never the evidence itself).</summary>
    public string? Detail { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => a.At);
        e.HasIndex(a => a.Reference);
        e.HasIndex(a => a.UserId);
        e.Property(a => a.User).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.Inquiry).HasMaxLength(5);
        e.Property(a => a.Reference).HasMaxLength(9);
        e.Property(a => a.Detail).HasMaxLength(1000);
    }
}
