using EvidenceHub.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage.Sqlite;

/// <summary>The embedded mode's connection: the data folder's SQLite file, migrated by this assembly's migrations.</summary>
public static class SqliteStorage
{
    private static readonly SqliteSynchronousNormal Synchronous = new();
    private static readonly SqliteWriteGate WriteGate = new();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, EvidenceHubOptions options) =>
        db.UseSqlite(ConnectionString(options), sqlite => sqlite.MigrationsAssembly(typeof(SqliteEvidenceDbContext).Assembly))
            .AddInterceptors(Synchronous, WriteGate);

    public static SqliteEvidenceDbContext CreateContext(EvidenceHubOptions options)
    {
        var db = new DbContextOptionsBuilder<SqliteEvidenceDbContext>();
        Configure(db, options);
        return new SqliteEvidenceDbContext(db.Options);
    }

    /// <summary>SQLite waits up to 30 s for a write lock instead of failing at once.</summary>
    public static string ConnectionString(EvidenceHubOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
}
