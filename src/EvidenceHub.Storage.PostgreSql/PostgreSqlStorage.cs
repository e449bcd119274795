using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage.PostgreSql;

/// <summary>The PostgreSQL connection (Npgsql), migrated by this assembly's migrations.</summary>
public static class PostgreSqlStorage
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlEvidenceDbContext).Assembly));

    public static PostgreSqlEvidenceDbContext CreateContext(string connectionString)
    {
        var db = new DbContextOptionsBuilder<PostgreSqlEvidenceDbContext>();
        Configure(db, connectionString);
        return new PostgreSqlEvidenceDbContext(db.Options);
    }
}
