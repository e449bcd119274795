using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvidenceHub.Storage.Sqlite;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every connection (the setting is per connection). In WAL mode a
/// commit is then written to the log without waiting for the disk, which is synced at each checkpoint: the
/// database is never corrupted, and a crash of the process loses nothing; only a power cut or an operating
/// system crash can lose the last commits. With the default (FULL) every commit waits for an fsync (2–8 ms
/// here), and a small submission's four commits made the disk, not the work, the limit of ingest.
/// </summary>
public sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
