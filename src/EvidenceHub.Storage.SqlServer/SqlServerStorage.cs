using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage.SqlServer;

/// <summary>The SQL Server connection, retried on transient failures, migrated by this assembly's migrations.</summary>
public static class SqlServerStorage
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlServer(connectionString, sql => sql
            .EnableRetryOnFailure()
            .MigrationsAssembly(typeof(SqlServerEvidenceDbContext).Assembly));

    public static SqlServerEvidenceDbContext CreateContext(string connectionString)
    {
        var db = new DbContextOptionsBuilder<SqlServerEvidenceDbContext>();
        Configure(db, connectionString);
        return new SqlServerEvidenceDbContext(db.Options);
    }
}
