using EvidenceHub.Core;
using EvidenceHub.Core.Storage;
using EvidenceHub.Storage.PostgreSql;
using EvidenceHub.Storage.Sqlite;
using EvidenceHub.Storage.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Storage;

/// <summary>
/// Chooses the database provider (and its context, which carries its migrations in its own project,
/// EvidenceHub.Storage.Sqlite, .SqlServer or .PostgreSql) by storage mode.
/// </summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddEvidenceDatabase(
        this IServiceCollection services, EvidenceHubOptions options, string? connectionString) =>
        options.Storage switch
        {
            StorageMode.SqlServer => services.AddDbContext<EvidenceDbContext, SqlServerEvidenceDbContext>(
                db => SqlServerStorage.Configure(db, Required(connectionString, StorageMode.SqlServer))),
            StorageMode.PostgreSql => services.AddDbContext<EvidenceDbContext, PostgreSqlEvidenceDbContext>(
                db => PostgreSqlStorage.Configure(db, Required(connectionString, StorageMode.PostgreSql))),
            _ => services.AddDbContext<EvidenceDbContext, SqliteEvidenceDbContext>(db => SqliteStorage.Configure(db, options)),
        };

    /// <summary>A context outside dependency injection (tools, benchmarks, schema checks).</summary>
    public static EvidenceDbContext CreateContext(EvidenceHubOptions options, string? connectionString) => options.Storage switch
    {
        StorageMode.SqlServer => SqlServerStorage.CreateContext(Required(connectionString, StorageMode.SqlServer)),
        StorageMode.PostgreSql => PostgreSqlStorage.CreateContext(Required(connectionString, StorageMode.PostgreSql)),
        _ => SqliteStorage.CreateContext(options),
    };

    /// <summary>SQLite waits up to 30 s for a write lock instead of failing at once.</summary>
    public static string EmbeddedConnectionString(EvidenceHubOptions options) => SqliteStorage.ConnectionString(options);

    private static string Required(string? connectionString, StorageMode mode) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"EvidenceHub:Storage is {mode} but ConnectionStrings:EvidenceHub is not set.")
            : connectionString;
}
