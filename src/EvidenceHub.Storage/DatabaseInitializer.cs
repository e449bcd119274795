using System.Data.Common;
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
        // Nodes of a cluster start at the same moment, and EF Core's migration lock does not cover creating the
        // database (nor, on PostgreSQL, the first tables): the node that loses collides ("already exists") and
        // looks again until it finds the schema the winner made.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                break;
            }
            catch (DbException) when (attempt < 8 && !db.Database.IsSqlite())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets searches read while a job writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
