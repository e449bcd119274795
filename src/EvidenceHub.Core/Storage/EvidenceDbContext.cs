using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Replication;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Storage;

/// <summary>
/// The source of truth: inquiries, submissions and their passages (and each feature's own tables),
/// and the staff who sign in (ASP.NET Core Identity's user tables, in the same database). The index
/// is derived from it. Each feature maps its entities in an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside them. One subclass per database provider, in
/// that provider's project (EvidenceHub.Storage.Sqlite, .SqlServer, .PostgreSql), carries its
/// migrations; everything else uses this type.
/// </summary>
/// <remarks>
/// <see cref="IdentityUserContext{TUser, TKey}"/> rather than the full Identity context: roles are per
/// inquiry (<see cref="InquiryMembership"/>), so Identity's global role tables would be a second,
/// unused model of the same thing.
/// </remarks>
public abstract class EvidenceDbContext(DbContextOptions options) : IdentityUserContext<EvidenceUser, long>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Passage> Passages => Set<Passage>();

    /// <summary>Every save also records, in its own transaction, which submissions' index entries it changed (<see cref="IndexChangeLog"/>).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IndexChangeLog.RecordTracked(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IndexChangeLog.RecordTracked(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(EvidenceDbContext).Assembly);
    }
}
