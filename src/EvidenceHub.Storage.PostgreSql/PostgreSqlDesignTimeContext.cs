using Microsoft.EntityFrameworkCore.Design;

namespace EvidenceHub.Storage.PostgreSql;

// What `dotnet ef migrations add` uses to build the model; nothing connects to it.
internal sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlEvidenceDbContext>
{
    public PostgreSqlEvidenceDbContext CreateDbContext(string[] args) =>
        PostgreSqlStorage.CreateContext("Host=design-time;Database=evidencehub");
}
