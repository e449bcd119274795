using EvidenceHub.Core;
using EvidenceHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EvidenceHub.Api.Tests.Storage;

[TestClass]
public sealed class SqlServerSchemaTests
{
    [TestMethod]
    public void The_SqlServer_schema_is_valid_T_SQL()
    {
        using var db = DatabaseRegistration.CreateContext(new EvidenceHubOptions { Storage = StorageMode.SqlServer },
            "Server=sql.invalid;Database=EvidenceHub;Integrated Security=false;User Id=x;Password=y;TrustServerCertificate=true");

        // The script the SQL Server migrations run, from an empty database to the current schema.
        var script = db.GetService<IMigrator>().GenerateScript();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script.Replace("\nGO", "\n;", StringComparison.Ordinal));
        var fragment = parser.Parse(reader, out var errors);

        Assert.IsEmpty(errors, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        var statements = ((TSqlScript)fragment).Batches.SelectMany(b => b.Statements).ToList();
        var tables = statements.OfType<CreateTableStatement>().Select(t => t.SchemaObjectName.BaseIdentifier.Value).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Inquiries", "Submissions", "Passages" }, tables);
        var uniqueIndexes = statements.OfType<CreateIndexStatement>().Where(i => i.Unique).Select(i => i.Name.Value).ToList();
        Assert.Contains(n => n.Contains("Reference", StringComparison.Ordinal), uniqueIndexes, "reference codes must be unique in the database");
        Assert.Contains(n => n.Contains("Sha256", StringComparison.Ordinal), uniqueIndexes, "the same file twice in an inquiry must be refused by the database");
    }

    [TestMethod]
    [DataRow(StorageMode.Embedded, null)]
    [DataRow(StorageMode.SqlServer, "Server=sql.invalid;Database=EvidenceHub")]
    [DataRow(StorageMode.PostgreSql, "Host=pg.invalid;Database=evidencehub")]
    public void Every_provider_has_a_migration_for_the_current_model(StorageMode storage, string? connectionString)
    {
        using var db = DatabaseRegistration.CreateContext(new EvidenceHubOptions { Storage = storage, DataDirectory = Path.GetTempPath() }, connectionString);

        Assert.IsNotEmpty(db.Database.GetMigrations());
        Assert.IsFalse(db.Database.HasPendingModelChanges(),
            $"The model changed without a {storage} migration: add one with dotnet ef migrations add (see README, Operations).");
    }
}
