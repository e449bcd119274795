using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvidenceHub.Storage.Sqlite;

/// <summary>
/// Lets one writer at a time into a SQLite file from this process, in the order they came, instead of
/// letting them collide in SQLite. SQLite has one write lock per file; a writer that finds it taken gets
/// SQLITE_BUSY, and Microsoft.Data.Sqlite answers that by sleeping 150 ms and trying again. Under a burst of
/// small submissions (the intake and two pipeline workers writing at once) the pipeline spent 83% of its time
/// in that sleep. Waiting here instead wakes the next writer the moment the last one commits.
/// </summary>
/// <remarks>
/// <para>
/// The gate is taken before a transaction begins, before a <c>SaveChanges</c> outside one, and before a
/// command that is not a query outside one (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>); it is given back
/// when what took it ends (commit, rollback, failure), and at the latest when the connection closes (a
/// transaction disposed without a commit closes it). A connection that holds it passes through: the
/// <c>SaveChanges</c> inside a transaction does not wait for itself. Readers never wait: in WAL mode they do
/// not block the writer, nor it them.
/// </para>
/// <para>
/// A writer that waits longer than <see cref="MaxWait"/> goes on without the gate, and SQLite's own locking
/// decides, as it did before there was one: a write made on a second connection while the first holds a
/// transaction would otherwise wait for ever.
/// </para>
/// </remarks>
public sealed class SqliteWriteGate : DbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbConnection, Holding> held = new();

    /// <summary>What took the gate for a connection, so only its own end gives it back.</summary>
    private enum Holder
    {
        None,
        Transaction,
        Save,
        Command,
    }

    private sealed class Holding
    {
        public Holder By;
        public SemaphoreSlim? Gate;
    }

    // Transactions

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, Holder.Transaction);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, Holder.Transaction, cancellationToken);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context?.Database.GetDbConnection(), Holder.Transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context?.Database.GetDbConnection(), Holder.Transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context?.Database.GetDbConnection(), Holder.Transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context?.Database.GetDbConnection(), Holder.Transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context?.Database.GetDbConnection(), Holder.Transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context?.Database.GetDbConnection(), Holder.Transaction);
        return Task.CompletedTask;
    }

    // SaveChanges outside a transaction

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Connection(eventData) is { } connection)
        {
            Enter(connection, Holder.Save);
        }

        return result;
    }

    async ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (Connection(eventData) is { } connection)
        {
            await EnterAsync(connection, Holder.Save, cancellationToken);
        }

        return result;
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        LeaveSave(eventData);
        return result;
    }

    ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken)
    {
        LeaveSave(eventData);
        return ValueTask.FromResult(result);
    }

    void ISaveChangesInterceptor.SaveChangesFailed(DbContextErrorEventData eventData) => LeaveSave(eventData);

    Task ISaveChangesInterceptor.SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken)
    {
        LeaveSave(eventData);
        return Task.CompletedTask;
    }

    void ISaveChangesInterceptor.SaveChangesCanceled(DbContextEventData eventData) => LeaveSave(eventData);

    Task ISaveChangesInterceptor.SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken)
    {
        LeaveSave(eventData);
        return Task.CompletedTask;
    }

    // Bulk updates and deletes outside a transaction

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Enter(connection, Holder.Command);
        }

        return result;
    }

    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            await EnterAsync(connection, Holder.Command, cancellationToken);
        }

        return result;
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command.Connection, Holder.Command);
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        Leave(command.Connection, Holder.Command);
        return ValueTask.FromResult(result);
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command.Connection, Holder.Command);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        Leave(command.Connection, Holder.Command);
        return Task.CompletedTask;
    }

    void IDbCommandInterceptor.CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command.Connection, Holder.Command);

    Task IDbCommandInterceptor.CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken)
    {
        Leave(command.Connection, Holder.Command);
        return Task.CompletedTask;
    }

    // A connection that closes gives back whatever it held

    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, null);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, null);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, null);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, null);
        return ValueTask.FromResult(result);
    }

    /// <summary>Whether this connection holds its file's gate now (for tests).</summary>
    public bool Holds(DbConnection connection) => held.TryGetValue(connection, out var holding) && holding.By != Holder.None;

    private static DbConnection? Connection(DbContextEventData eventData) =>
        eventData.Context is { } context && context.Database.CurrentTransaction is null ? context.Database.GetDbConnection() : null;

    private static SemaphoreSlim GateOf(DbConnection connection) => Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private void Enter(DbConnection connection, Holder by)
    {
        var holding = held.GetOrCreateValue(connection);
        if (holding.By != Holder.None)
        {
            return;
        }

        var gate = GateOf(connection);
        holding.Gate = gate.Wait(MaxWait) ? gate : null;
        holding.By = by;
    }

    private async Task EnterAsync(DbConnection connection, Holder by, CancellationToken cancellationToken)
    {
        var holding = held.GetOrCreateValue(connection);
        if (holding.By != Holder.None)
        {
            return;
        }

        var gate = GateOf(connection);
        holding.Gate = await gate.WaitAsync(MaxWait, cancellationToken) ? gate : null;
        holding.By = by;
    }

    private void LeaveSave(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Leave(context.Database.GetDbConnection(), Holder.Save);
        }
    }

    /// <param name="connection">The connection that may hold the gate.</param>
    /// <param name="by">Only what took it gives it back; null for the connection closing, which gives back anything.</param>
    private void Leave(DbConnection? connection, Holder? by)
    {
        if (connection is null || !held.TryGetValue(connection, out var holding) || holding.By == Holder.None || (by is { } only && holding.By != only))
        {
            return;
        }

        holding.By = Holder.None;
        var gate = holding.Gate;
        holding.Gate = null;
        gate?.Release();
    }
}
