using Microsoft.EntityFrameworkCore.Design;

namespace EvidenceHub.Core.Storage;

// What `dotnet ef migrations add` uses to build each provider's model; nothing connects to these.
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteEvidenceDbContext>
{
    public SqliteEvidenceDbContext CreateDbContext(string[] args) =>
        (SqliteEvidenceDbContext)DatabaseRegistration.CreateContext(new EvidenceHubOptions { DataDirectory = Path.GetTempPath() }, null);
}

internal sealed class SqlServerDesignTimeContext : IDesignTimeDbContextFactory<SqlServerEvidenceDbContext>
{
    public SqlServerEvidenceDbContext CreateDbContext(string[] args) =>
        (SqlServerEvidenceDbContext)DatabaseRegistration.CreateContext(new EvidenceHubOptions { Storage = StorageMode.SqlServer }, "Server=design-time;Database=EvidenceHub");
}

internal sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlEvidenceDbContext>
{
    public PostgreSqlEvidenceDbContext CreateDbContext(string[] args) =>
        (PostgreSqlEvidenceDbContext)DatabaseRegistration.CreateContext(new EvidenceHubOptions { Storage = StorageMode.PostgreSql }, "Host=design-time;Database=evidencehub");
}
