using Microsoft.EntityFrameworkCore.Design;

namespace EvidenceHub.Storage.SqlServer;

// What `dotnet ef migrations add` uses to build the model; nothing connects to it.
internal sealed class SqlServerDesignTimeContext : IDesignTimeDbContextFactory<SqlServerEvidenceDbContext>
{
    public SqlServerEvidenceDbContext CreateDbContext(string[] args) =>
        SqlServerStorage.CreateContext("Server=design-time;Database=EvidenceHub");
}
