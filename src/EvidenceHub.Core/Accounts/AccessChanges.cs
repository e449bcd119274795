namespace EvidenceHub.Core.Accounts;

/// <summary>
/// This node's count of changes to who may read what (a token revoked, a user locked out, deleted or given
/// other roles, an inquiry's prefix changed), so that what a node keeps of sign-ins can be dropped the
/// moment one happens. A save through this node counts at once (<see cref="Storage.EvidenceDbContext"/>); a
/// save through another node or a command-line tool counts when this node's replica reads its row in the
/// change log (<see cref="Replication.IndexChange.Access"/>), every poll.
/// </summary>
/// <remarks>
/// Kept sign-ins may be used only while the log is being read (<see cref="Listening"/>): a node whose
/// replica has not read the log for <see cref="MaxLag"/> (it is building its first index, or the database
/// is out of reach) reads every sign-in from the database, and forgets what it kept when it hears again.
/// </remarks>
public sealed class AccessChanges(TimeProvider clock)
{
    /// <summary>The longest a change made through another node may go unseen here while sign-ins are kept.</summary>
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(2);

    private readonly object gate = new();
    private long generation;
    private DateTimeOffset heardAt = DateTimeOffset.MinValue;

    /// <summary>Goes up with every change; what was read from the database under an older value is stale.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The change log has been read within <see cref="MaxLag"/>: a change on another node would have been seen.</summary>
    public bool Listening
    {
        get
        {
            lock (gate)
            {
                return clock.GetUtcNow() - heardAt <= MaxLag;
            }
        }
    }

    /// <summary>Who may read what has changed: everything kept of sign-ins is stale.</summary>
    public void Changed() => Interlocked.Increment(ref generation);

    /// <summary>
    /// The change log was read as of <paramref name="readAt"/> (taken before the query) and every access change in
    /// it was counted. After a silence longer than <see cref="MaxLag"/>, whatever was kept is dropped too.
    /// </summary>
    public void Heard(DateTimeOffset readAt)
    {
        lock (gate)
        {
            if (readAt - heardAt > MaxLag)
            {
                Changed();
            }

            if (readAt > heardAt)
            {
                heardAt = readAt;
            }
        }
    }
}
