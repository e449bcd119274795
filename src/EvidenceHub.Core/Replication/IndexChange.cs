using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvidenceHub.Core.Replication;

/// <summary>
/// One row of the index change log: "what the index holds for this submission changed; rewrite it from
/// the database". Written in the same transaction as the change itself (<see cref="IndexChangeLog"/>),
/// and read by every web node's <see cref="IndexReplica"/>, which applies it to its own index. A row
/// without a submission asks every node to rebuild its whole index, unless it is an <see cref="Access"/> row.
/// </summary>
public sealed class IndexChange
{
    public long Id { get; set; }

    /// <summary>The submission to rewrite; null for "rebuild the whole index".</summary>
    public long? SubmissionId { get; set; }

    /// <summary>
    /// It takes something away from what the public may read (a withdrawal, a request for anonymity, a
    /// deletion, a name corrected): every node applies it before it answers its next search.
    /// </summary>
    public bool Urgent { get; set; }

    /// <summary>
    /// Not a change to the index but to who may read what (a token revoked, a user locked out, deleted or given
    /// other roles, an inquiry's prefix changed): every node forgets the sign-ins it keeps
    /// (<see cref="Accounts.AccessChanges"/>). It has no submission and asks for no rebuild.
    /// </summary>
    public bool Access { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class IndexChangeConfiguration : IEntityTypeConfiguration<IndexChange>
{
    public void Configure(EntityTypeBuilder<IndexChange> entity)
    {
        entity.ToTable("IndexChanges");
        entity.HasKey(c => c.Id);
        // The per-search check reads the urgent changes above a node's watermark: a seek on this index.
        entity.HasIndex(c => new { c.Urgent, c.Id });
        // Unix milliseconds: every provider compares them (SQLite cannot compare a DateTimeOffset in a query).
        entity.Property(c => c.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
    }
}
