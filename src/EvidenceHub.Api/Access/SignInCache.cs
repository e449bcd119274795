using System.Collections.Concurrent;
using EvidenceHub.Core.Accounts;

namespace EvidenceHub.Api.Access;

/// <summary>
/// The sign-ins this node has read from the database, kept so that a signed-in request costs no query: the
/// user a bearer token's hash belongs to (with its expiry), and each user as a <see cref="Caller"/> (with their
/// lockout, which can end by itself). What is kept belongs to one <see cref="AccessChanges.Generation"/> and
/// is dropped as soon as it moves on (a revocation, a lockout, a role: at once through this node, within
/// <see cref="AccessChanges.MaxLag"/> through another), and nothing is used while the node is not
/// <see cref="AccessChanges.Listening"/> to the change log.
/// </summary>
public sealed class SignInCache(AccessChanges changes)
{
    /// <summary>Beyond this many tokens or users, more are read from the database but not kept.</summary>
    private const int MaxEntries = 10_000;

    /// <summary>A live token as read: whose it is, until when, and when its last use was written.</summary>
    public sealed record KeptToken(long UserId, DateTimeOffset ExpiresAt, DateTimeOffset LastUsedAt);

    /// <summary>A user as read: their caller while not locked out.</summary>
    public sealed record KeptCaller(Caller Caller, DateTimeOffset? LockoutEnd);

    private sealed class Kept(long generation)
    {
        public long Generation { get; } = generation;

        public ConcurrentDictionary<string, KeptToken> Tokens { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<long, KeptCaller> Callers { get; } = new();
    }

    private Kept kept = new(-1);

    /// <summary>Taken before reading the database: what is read may be kept only if no change came in between.</summary>
    public long Generation => changes.Generation;

    public KeptToken? Token(string hash) => Current()?.Tokens.GetValueOrDefault(hash);

    public KeptCaller? Caller(long userId) => Current()?.Callers.GetValueOrDefault(userId);

    public void Keep(long readUnder, string hash, KeptToken token)
    {
        if (Current() is { } current && current.Generation == readUnder && current.Tokens.Count < MaxEntries)
        {
            current.Tokens[hash] = token;
        }
    }

    public void Keep(long readUnder, long userId, KeptCaller caller)
    {
        if (Current() is { } current && current.Generation == readUnder && current.Callers.Count < MaxEntries)
        {
            current.Callers[userId] = caller;
        }
    }

    /// <summary>
    /// What is kept for the present generation; null while the node is not hearing the change log. A keep that
    /// races a change lands in the old generation's sets, which no one reads again.
    /// </summary>
    private Kept? Current()
    {
        if (!changes.Listening)
        {
            return null;
        }

        var generation = changes.Generation;
        var current = Volatile.Read(ref kept);
        if (current.Generation == generation)
        {
            return current;
        }

        Interlocked.CompareExchange(ref kept, new Kept(generation), current);
        current = Volatile.Read(ref kept);
        return current.Generation == generation ? current : null;
    }
}
