using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Core.Storage;

/// <summary>Chooses the database provider by storage mode.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddEvidenceDatabase(
        this IServiceCollection services, EvidenceHubOptions options, string? connectionString)
    {
        services.AddDbContext<EvidenceDbContext>(db => Configure(db, options, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, EvidenceHubOptions options, string? connectionString)
    {
        switch (options.Storage)
        {
            case StorageMode.Embedded:
                db.UseSqlite(EmbeddedConnectionString(options));
                break;
            case StorageMode.SqlServer:
                db.UseSqlServer(Required(connectionString, options.Storage), sql => sql.EnableRetryOnFailure());
                break;
            case StorageMode.PostgreSql:
                db.UseNpgsql(Required(connectionString, options.Storage));
                break;
        }
    }

    /// <summary>SQLite waits up to 30 s for a write lock instead of failing at once.</summary>
    public static string EmbeddedConnectionString(EvidenceHubOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();

    private static string Required(string? connectionString, StorageMode mode) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"EvidenceHub:Storage is {mode} but ConnectionStrings:EvidenceHub is not set.")
            : connectionString;
}
