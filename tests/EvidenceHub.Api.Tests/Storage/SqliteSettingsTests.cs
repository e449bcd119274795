using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core;
using EvidenceHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Tests.Storage;

/// <summary>The embedded database's per-connection settings, made once per native connection of the pool.</summary>
[TestClass]
public sealed class SqliteSettingsTests
{
    [TestMethod]
    public async Task Every_open_of_a_context_runs_with_synchronous_normal_though_it_is_set_once_per_pooled_connection()
    {
        var data = EvidenceHubFactory.NewDataDirectory();
        try
        {
            var options = new EvidenceHubOptions { DataDirectory = data };
            Directory.CreateDirectory(options.FullDataDirectory);
            for (var open = 0; open < 3; open++)
            {
                // A new context each time, as each request has: the second and third open reuse the pooled native connection.
                await using var db = DatabaseRegistration.CreateContext(options, null);
                var synchronous = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
                Assert.AreEqual(1L, synchronous, $"open {open + 1}: 1 is NORMAL (2 would be SQLite's FULL)");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            EvidenceHubFactory.TryDelete(data);
        }
    }
}
