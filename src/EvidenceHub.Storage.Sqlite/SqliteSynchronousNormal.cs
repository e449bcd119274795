using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvidenceHub.Storage.Sqlite;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every connection (the setting is per connection). In WAL mode a
/// commit is then written to the log without waiting for the disk, which is synced at each checkpoint: the
/// database is never corrupted, and a crash of the process loses nothing; only a power cut or an operating
/// system crash can lose the last commits. With the default (FULL) every commit waits for an fsync (2–8 ms
/// here), and a small submission's four commits made the disk, not the work, the limit of ingest.
/// </summary>
/// <remarks>
/// EF opens and closes the connection around each query, and each open takes a native connection from the
/// pool: the setting is made once per native connection, not once per query (a search makes several).
/// </remarks>
public sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    /// <summary>The native connections already set, forgotten when the pool lets them go.</summary>
    private readonly ConditionalWeakTable<object, object> set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSet(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool IsSet(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            set.AddOrUpdate(handle, handle);
        }
    }
}
