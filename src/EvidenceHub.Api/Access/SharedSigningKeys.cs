using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Access;

/// <summary>
/// The data-protection keys that sign the sign-in cookie, antiforgery tokens and password-reset tokens
/// live in the database (table <c>DataProtectionKeys</c>) under one application name, not in each
/// machine's home folder: what one node issues, every node of the cluster accepts.
/// </summary>
public static class SharedSigningKeys
{
    public static void AddSharedSigningKeys(this IServiceCollection services) =>
        services.AddDataProtection()
            .SetApplicationName("EvidenceHub")
            .PersistKeysToDbContext<EvidenceDbContext>();

    /// <summary>
    /// Makes sure the database holds a key in force before this node serves. Nodes that start together on
    /// an empty key table would each make one of their own, and each keeps its key ring for a day: a
    /// cookie signed on one would not be read on the other. Under a lock the whole database shares, the
    /// first node makes the key and the others find it.
    /// </summary>
    public static async Task EnsureSharedSigningKeyAsync(IServiceProvider services, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        var clock = services.GetRequiredService<TimeProvider>();
        void EnsureKey()
        {
            var now = clock.GetUtcNow();
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            {
                keys.CreateNewKey(now, now + lifetime);
            }
        }

        if (db.Database.IsSqlite())
        {
            EnsureKey(); // one process owns the file
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? "SELECT pg_advisory_xact_lock(7461021114)"
                : "EXEC sp_getapplock @Resource = 'EvidenceHub.SigningKeys', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000",
                cancellationToken);
            EnsureKey(); // written through its own connection and committed before this lock is let go
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
