using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Storage;

/// <summary>
/// The source of truth: inquiries, submissions and their passages (and each feature's own tables).
/// The index is derived from it. Each feature maps its entities in an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside them. One subclass per database provider
/// (<see cref="ProviderContexts"/>) carries that provider's migrations; everything else uses this type.
/// </summary>
public abstract class EvidenceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Passage> Passages => Set<Passage>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(EvidenceDbContext).Assembly);
}
