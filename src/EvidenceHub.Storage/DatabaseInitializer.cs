using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage;

/// <summary>
/// Brings the database to the current schema with the provider's migrations (creating it on first
/// start), so a data directory or server database from an earlier version is upgraded, not lost; turns
/// on SQLite's write-ahead log in embedded mode.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(EvidenceDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets searches read while a job writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
