using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Storage;

/// <summary>Creates the schema on first start; turns on SQLite's write-ahead log in embedded mode.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(EvidenceDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets searches read while a job writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
