using EvidenceHub.Core;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EvidenceHub.Api.Tests.Storage;

[TestClass]
public sealed class SqlServerSchemaTests
{
    [TestMethod]
    public void The_SqlServer_schema_is_valid_T_SQL()
    {
        var builder = new DbContextOptionsBuilder<EvidenceDbContext>();
        DatabaseRegistration.Configure(builder, new EvidenceHubOptions { Storage = StorageMode.SqlServer },
            "Server=sql.invalid;Database=EvidenceHub;Integrated Security=false;User Id=x;Password=y;TrustServerCertificate=true");
        using var db = new EvidenceDbContext(builder.Options);

        var script = db.Database.GenerateCreateScript();
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
}
