using EvidenceHub.Core;
using Microsoft.EntityFrameworkCore.Design;

namespace EvidenceHub.Storage.Sqlite;

// What `dotnet ef migrations add` uses to build the model; nothing connects to it.
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteEvidenceDbContext>
{
    public SqliteEvidenceDbContext CreateDbContext(string[] args) =>
        SqliteStorage.CreateContext(new EvidenceHubOptions { DataDirectory = Path.GetTempPath() });
}
