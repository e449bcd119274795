using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Core.Storage;

/// <summary>Chooses the database provider (and its context, which carries its migrations) by storage mode.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddEvidenceDatabase(
        this IServiceCollection services, EvidenceHubOptions options, string? connectionString) =>
        options.Storage switch
        {
            StorageMode.SqlServer => services.AddDbContext<EvidenceDbContext, SqlServerEvidenceDbContext>(db => UseSqlServer(db, connectionString)),
            StorageMode.PostgreSql => services.AddDbContext<EvidenceDbContext, PostgreSqlEvidenceDbContext>(db => UsePostgreSql(db, connectionString)),
            _ => services.AddDbContext<EvidenceDbContext, SqliteEvidenceDbContext>(db => db.UseSqlite(EmbeddedConnectionString(options))),
        };

    /// <summary>A context outside dependency injection (tools, benchmarks, schema checks).</summary>
    public static EvidenceDbContext CreateContext(EvidenceHubOptions options, string? connectionString) => options.Storage switch
    {
        StorageMode.SqlServer => new SqlServerEvidenceDbContext(
            UseSqlServer(new DbContextOptionsBuilder<SqlServerEvidenceDbContext>(), connectionString).Options),
        StorageMode.PostgreSql => new PostgreSqlEvidenceDbContext(
            UsePostgreSql(new DbContextOptionsBuilder<PostgreSqlEvidenceDbContext>(), connectionString).Options),
        _ => new SqliteEvidenceDbContext(
            new DbContextOptionsBuilder<SqliteEvidenceDbContext>().UseSqlite(EmbeddedConnectionString(options)).Options),
    };

    /// <summary>SQLite waits up to 30 s for a write lock instead of failing at once.</summary>
    public static string EmbeddedConnectionString(EvidenceHubOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();

    private static T UseSqlServer<T>(T db, string? connectionString)
        where T : DbContextOptionsBuilder
    {
        db.UseSqlServer(Required(connectionString, StorageMode.SqlServer), sql => sql.EnableRetryOnFailure());
        return db;
    }

    private static T UsePostgreSql<T>(T db, string? connectionString)
        where T : DbContextOptionsBuilder
    {
        db.UseNpgsql(Required(connectionString, StorageMode.PostgreSql));
        return db;
    }

    private static string Required(string? connectionString, StorageMode mode) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"EvidenceHub:Storage is {mode} but ConnectionStrings:EvidenceHub is not set.")
            : connectionString;
}
