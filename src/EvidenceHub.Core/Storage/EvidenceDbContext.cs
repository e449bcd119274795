using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Replication;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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

    /// <summary>
    /// Every save also records, in its own transaction, which submissions' index entries it changed
    /// (<see cref="IndexChangeLog"/>) and whether it changed who may read what (<see cref="AccessChangeLog"/>);
    /// the latter also counts at once on this node (<see cref="AccessChanges"/>).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var logged = RecordChanges();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            Tell(logged);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var logged = RecordChanges();
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            Tell(logged);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Looks for changes once, then records them in the logs with detection off until the save is done: each look is
    /// a pass over every tracked entity (a group's save tracks hundreds of passages), and the two logs and the save
    /// each looked again. Returns the change-log rows this save adds (their ids are known once it is done). The
    /// caller puts detection back as it was.
    /// </summary>
    private List<IndexChange> RecordChanges()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        IndexChangeLog.RecordTracked(this);
        AccessChangeLog.RecordTracked(this);
        return ChangeTracker.Entries<IndexChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
    }

    /// <summary>
    /// Tells this node what the save changed, when the context comes from the application's services (a tool's context
    /// has none, and its change reaches the nodes through the log): its <see cref="AccessChanges"/> forget the kept
    /// sign-ins, and its <see cref="IndexReplica"/> learns the urgent changes it saved (a node that is the database's only
    /// writer looks for them there, not in the database, before each search).
    /// </summary>
    private void Tell(List<IndexChange> logged)
    {
        if (logged.Count == 0
            || this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is not { } services)
        {
            return;
        }

        if (logged.Any(c => c.Access) && services.GetService(typeof(AccessChanges)) is AccessChanges access)
        {
            access.Changed();
        }

        if (logged.Where(c => c.Urgent).Select(c => (long?)c.Id).Max() is { } urgent && services.GetService(typeof(IndexReplica)) is IndexReplica replica)
        {
            replica.NoteUrgent(urgent);
        }
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(EvidenceDbContext).Assembly);
    }
}
