using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Accounts;

/// <summary>
/// A bearer token for scripts: the one <c>POST /api/auth/token</c> issues and the named ones a user
/// creates for themselves. Only the SHA-256 of the token is kept, so the database never holds a
/// token anyone could use; revoking or expiring it ends it on every node at once.
/// </summary>
public sealed class PersonalToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public EvidenceUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    /// <summary>False for the short-lived tokens of <c>POST /api/auth/token</c>, which are not listed.</summary>
    public bool Personal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

public sealed class PersonalTokenConfiguration : IEntityTypeConfiguration<PersonalToken>
{
    public void Configure(EntityTypeBuilder<PersonalToken> e)
    {
        e.HasIndex(t => t.Hash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
