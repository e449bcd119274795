using EvidenceHub.Core.Replication;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Read-your-writes: after a change to what the index holds is saved (with its change-log row), brings
/// this node's index up to the log before the caller answers, so a search made after the response never
/// sees the old entry here. Other nodes apply urgent changes before their next search
/// (<see cref="IndexReplica.ApplyUrgentAsync"/>) and the rest within their poll interval. A node without
/// an index (a worker) has nothing to bring up to date.
/// </summary>
public sealed class ImmediateIndexUpdate(IndexReplica? replica = null)
{
    /// <remarks>
    /// Takes no cancellation token: it runs after the change is saved, and a client that goes away must
    /// not leave the index behind the database.
    /// </remarks>
    public Task ApplyAsync() => replica?.CatchUpAsync(CancellationToken.None) ?? Task.CompletedTask;
}
