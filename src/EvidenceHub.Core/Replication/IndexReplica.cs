using System.Diagnostics;
using System.Globalization;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Replication;

/// <summary>
/// This node's copy of the index, fed by the database: it applies the <see cref="IndexChange"/> log,
/// rewriting each changed submission from the database, and is the only writer of the node's
/// <see cref="PassageIndex"/>. Nothing depends on which node ran a job. It also tells the node's
/// <see cref="AccessChanges"/> of every access change in the log, as it reads it.
/// </summary>
/// <remarks>
/// <para>
/// Its watermark — every change at or below it is in the index — is committed with the documents
/// (Lucene commit data), so a restarted node goes on from where its index is. Change ids can commit
/// out of order (two transactions on PostgreSQL or SQL Server): ids above the watermark are tracked as
/// seen, and a gap is waited for up to <see cref="GapTimeout"/> (a rolled-back transaction leaves one
/// for ever). Re-applying a change is harmless: it rewrites the submission from the database.
/// </para>
/// <para>
/// A node without a watermark (new, or its index is gone or older than the log keeps) builds its first
/// index beside an empty one and says so (<see cref="Ready"/>); a rebuild request in the log builds a new
/// generation the same way and swaps it in, so searches never see a half index.
/// </para>
/// </remarks>
public sealed class IndexReplica(
    PassageIndex index,
    IServiceScopeFactory scopes,
    IOptions<EvidenceHubOptions> options,
    TimeProvider clock,
    AccessChanges access,
    ILogger<IndexReplica> logger)
{
    public const string WatermarkKey = "changes";
    public const string RebuiltKey = "rebuilt";
    public const string AtKey = "at";

    /// <summary>The layout of the documents (<see cref="PassageFields.IndexFormat"/>); an index of another layout is rebuilt.</summary>
    public const string FormatKey = "format";

    /// <summary>How long a gap in the change ids is waited for before it is taken as a rolled-back transaction.</summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Applied changes are visible at once (near-real-time) but made durable at most this often: a commit
    /// syncs files, and a crash before it only means applying those changes again.
    /// </summary>
    private static readonly TimeSpan DurableEvery = TimeSpan.FromSeconds(1);

    private const int ChangeBatch = 2000;
    private const int SubmissionBatch = 200;

    /// <summary>Whether this process is the database's only writer: the embedded default (<see cref="ApplyUrgentAsync"/>).</summary>
    private readonly bool soleWriter = options.Value.Storage == StorageMode.Embedded;

    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly object state = new();
    private readonly SortedSet<long> seenAbove = [];
    private long watermark = -1;
    private long rebuiltFor;
    private DateTimeOffset? gapSince;
    private Task rebuilding = Task.CompletedTask;
    private volatile bool ready;
    private long notedUrgent;
    private long passes;
    private bool uncommitted;
    private DateTimeOffset committedAt;

    /// <summary>False while the node builds its first index: searches answer from an empty one and say so.</summary>
    public bool Ready => ready;

    /// <summary>Every change at or below this id is in this node's index.</summary>
    public long Watermark
    {
        get
        {
            lock (state)
            {
                return watermark;
            }
        }
    }

    /// <summary>The highest change id applied (some below it may still be awaited).</summary>
    public long HighestApplied
    {
        get
        {
            lock (state)
            {
                return seenAbove.Count > 0 ? seenAbove.Max : watermark;
            }
        }
    }

    /// <summary>When the node last read the change log (whether or not there was anything to apply).</summary>
    public DateTimeOffset LastRead { get; private set; }

    /// <summary>
    /// Reads the watermark of the index on disk; without one (or one older than the log keeps), starts
    /// building the first index in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = index.CommitData;
        var known = data.TryGetValue(WatermarkKey, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var mark);
        var at = data.TryGetValue(AtKey, out var atText) && DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, out var when) ? when : (DateTimeOffset?)null;
        var current = data.TryGetValue(FormatKey, out var format) && format == PassageFields.IndexFormat;
        if (known && current && at is not null && clock.GetUtcNow() - at.Value < options.Value.ChangeLogRetention)
        {
            lock (state)
            {
                watermark = long.Parse(text!, CultureInfo.InvariantCulture);
                rebuiltFor = data.TryGetValue(RebuiltKey, out var r) ? long.Parse(r, CultureInfo.InvariantCulture) : 0;
            }

            ready = true;
            logger.LogInformation("The index is at change {Watermark}; following the change log from there", watermark);
            await CatchUpAsync(cancellationToken);
            return;
        }

        logger.LogInformation(known && !current ? "The index was written in an older layout: building a new one from the database"
            : known ? "The index is older than the change log keeps: building a new one from the database"
            : "This node has no index yet: building it from the database");
        StartRebuild();
    }

    /// <summary>
    /// Applies every change committed so far (read-your-writes: a request that changed what the index holds
    /// calls this before it answers).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var calledAfter = Volatile.Read(ref passes);
        await writing.WaitAsync(cancellationToken);
        try
        {
            // Group commit: a pass that started after this call read the log after the caller's change was
            // committed, so it applied it; many jobs finishing at once share one pass.
            if (Volatile.Read(ref passes) > calledAfter)
            {
                return;
            }

            Interlocked.Increment(ref passes);
            await ApplyPendingAsync(cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Before a search: applies the urgent changes (a withdrawal, a deletion, a request for anonymity) made on
    /// any node that this one has not applied yet, so they hold everywhere as soon as the node that made them answered.
    /// </summary>
    /// <remarks>
    /// On the embedded database this process is the only writer (its job queue lives in its memory, so no second
    /// node can share the database), and every urgent change is one it saved itself (<see cref="NoteUrgent"/>): it
    /// looks for them there, not in the database, and a search costs no query. SQLite commits one writer's
    /// transaction at a time, so change ids commit in order and the highest noted one says whether any is missing.
    /// </remarks>
    /// <param name="database">The request's database, asked for only where it is read (not on the embedded default).</param>
    /// <param name="cancellationToken">Stops the read and the catch-up.</param>
    public async Task ApplyUrgentAsync(Func<EvidenceDbContext> database, CancellationToken cancellationToken)
    {
        if (!ready)
        {
            return;
        }

        var mark = Watermark;
        var urgent = soleWriter
            ? [Interlocked.Read(ref notedUrgent)]
            : await database().Set<IndexChange>().AsNoTracking().Where(c => c.Urgent && c.Id > mark).Select(c => c.Id).ToListAsync(cancellationToken);
        bool missing;
        lock (state)
        {
            missing = urgent.Any(id => id > watermark && !seenAbove.Contains(id));
        }

        if (missing)
        {
            await CatchUpAsync(cancellationToken);
        }
    }

    /// <summary>
    /// An urgent change this process saved (<see cref="EvidenceDbContext"/> tells it after the save; the transaction
    /// around it may commit later, and until the change is read from the log every search looks for it again).
    /// </summary>
    public void NoteUrgent(long changeId)
    {
        var seen = Interlocked.Read(ref notedUrgent);
        while (changeId > seen)
        {
            var was = Interlocked.CompareExchange(ref notedUrgent, changeId, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    /// <summary>Rewrites these submissions from the database now (the index repair's fix).</summary>
    public async Task RewriteAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            await WriteAsync(submissionIds, null, cancellationToken);
            CommitLive();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Builds a new index beside the live one and swaps it in; returns when it is live.</summary>
    public Task RebuildAsync()
    {
        StartRebuild();
        return rebuilding;
    }

    private void StartRebuild()
    {
        lock (state)
        {
            if (!rebuilding.IsCompleted)
            {
                return;
            }

            rebuilding = Task.Run(BuildBesideAsync);
        }
    }

    private async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long low, high;
            lock (state)
            {
                low = watermark;
                high = seenAbove.Count > 0 ? seenAbove.Max : watermark;
            }

            if (low < 0)
            {
                return; // the first index is being built; it catches up before it goes live
            }

            List<ChangeRow> rows;
            var readAt = clock.GetUtcNow();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
                var changes = db.Set<IndexChange>().AsNoTracking();
                rows = await changes.Where(c => c.Id > high).OrderBy(c => c.Id).Take(ChangeBatch)
                    .Select(c => new ChangeRow(c.Id, c.SubmissionId, c.Access)).ToListAsync(cancellationToken);
                if (high > low)
                {
                    // There is a gap: look again for changes that have committed into it since.
                    rows.AddRange(await changes.Where(c => c.Id > low && c.Id <= high)
                        .Select(c => new ChangeRow(c.Id, c.SubmissionId, c.Access)).ToListAsync(cancellationToken));
                }
            }

            LastRead = clock.GetUtcNow();
            List<ChangeRow> fresh;
            lock (state)
            {
                fresh = rows.Where(r => !seenAbove.Contains(r.Id)).ToList();
            }

            // Before the index is written (which can take a while): kept sign-ins go at once.
            if (fresh.Any(r => r.Access))
            {
                access.Changed();
            }

            access.Heard(readAt);

            if (fresh.Count > 0)
            {
                await WriteAsync(fresh.Where(r => r.SubmissionId is not null).Select(r => r.SubmissionId!.Value).Distinct().ToList(), null, cancellationToken);
                // Searchable before it counts as applied: a search that finds its urgent change among the
                // applied ones (ApplyUrgentAsync) must not then read a searcher from before it.
                index.Refresh();
                uncommitted = true;
            }

            bool advanced, rebuild;
            lock (state)
            {
                seenAbove.UnionWith(fresh.Select(r => r.Id));
                var before = watermark;
                Advance();
                advanced = watermark != before;
                rebuild = fresh.Any(r => r.AsksRebuild && r.Id > rebuiltFor);
            }

            if (advanced)
            {
                uncommitted = true; // the watermark the next durable commit records
            }

            if (uncommitted && clock.GetUtcNow() - committedAt >= DurableEvery)
            {
                CommitLive();
            }

            if (rebuild)
            {
                StartRebuild();
            }

            if (rows.Count(r => r.Id > high) < ChangeBatch)
            {
                return;
            }
        }
    }

    /// <summary>Moves the watermark over every seen id directly above it, and over a gap older than <see cref="GapTimeout"/>.</summary>
    private void Advance()
    {
        while (true)
        {
            while (seenAbove.Count > 0 && seenAbove.Min <= watermark + 1)
            {
                watermark = Math.Max(watermark, seenAbove.Min);
                seenAbove.Remove(seenAbove.Min);
            }

            if (seenAbove.Count == 0)
            {
                gapSince = null;
                return;
            }

            gapSince ??= clock.GetUtcNow();
            if (clock.GetUtcNow() - gapSince.Value < GapTimeout)
            {
                return;
            }

            logger.LogInformation("Change ids {From}–{To} never committed; going on past them", watermark + 1, seenAbove.Min - 1);
            watermark = seenAbove.Min - 1;
            gapSince = null;
        }
    }

    /// <summary>Commits the index with its watermark (durable: a restart goes on from here).</summary>
    private void CommitLive()
    {
        Dictionary<string, string> data;
        lock (state)
        {
            data = Data(watermark, rebuiltFor);
        }

        index.Commit(data);
        uncommitted = false;
        committedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// Commits what has been applied but not yet made durable, if the last commit is older than
    /// <see cref="DurableEvery"/> (or <paramref name="now"/>: at shutdown).
    /// </summary>
    public async Task FlushAsync(bool now, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (uncommitted && (now || clock.GetUtcNow() - committedAt >= DurableEvery))
            {
                CommitLive();
            }
        }
        finally
        {
            writing.Release();
        }
    }

    private Dictionary<string, string> Data(long mark, long rebuilt) => CommitData(mark, rebuilt, clock.GetUtcNow());

    /// <summary>
    /// What a commit records for a node to follow the change log from: an index written elsewhere with this
    /// data (the benchmark's, built straight from the database) is opened as it is, not rebuilt at start.
    /// </summary>
    public static Dictionary<string, string> CommitData(long mark, long rebuilt, DateTimeOffset at) => new()
    {
        [WatermarkKey] = mark.ToString(CultureInfo.InvariantCulture),
        [RebuiltKey] = rebuilt.ToString(CultureInfo.InvariantCulture),
        [AtKey] = at.ToString("O", CultureInfo.InvariantCulture),
        [FormatKey] = PassageFields.IndexFormat,
    };

    private async Task WriteAsync(IReadOnlyCollection<long> submissionIds, IndexGeneration? into, CancellationToken cancellationToken)
    {
        foreach (var chunk in submissionIds.Chunk(SubmissionBatch))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SubmissionIndexer>().ReplaceAsync(chunk, cancellationToken, into);
        }
    }

    /// <summary>
    /// Builds a generation from the database beside the live one while the live one goes on following the
    /// log, then (holding the writer) brings it up to the log and swaps it in.
    /// </summary>
    private async Task BuildBesideAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var started = clock.GetUtcNow();
        var next = index.CreateNext();
        try
        {
            long snapshot, requested;
            var submissions = 0;
            var passages = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
                snapshot = await db.Set<IndexChange>().MaxAsync(c => (long?)c.Id) ?? 0;
                requested = await db.Set<IndexChange>().Where(c => c.SubmissionId == null && !c.Access && c.Id <= snapshot).MaxAsync(c => (long?)c.Id) ?? 0;
                long lastId = 0;
                while (true)
                {
                    var batch = await db.Submissions.AsNoTracking()
                        .Where(s => s.Id > lastId && s.Status != ProcessingStatus.Failed && s.PassageCount > 0)
                        .OrderBy(s => s.Id).Select(s => s.Id).Take(SubmissionBatch).ToListAsync();
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    passages += await scope.ServiceProvider.GetRequiredService<SubmissionIndexer>().ReplaceAsync(batch, CancellationToken.None, next);
                    submissions += batch.Count;
                    lastId = batch[^1];
                }
            }

            next.Commit();
            await writing.WaitAsync();
            try
            {
                // Changes after the snapshot, and any that committed late below it, are applied to the new
                // generation before it goes live, so the swap loses nothing the live one had.
                List<ChangeRow> late;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var since = started - GapTimeout;
                    late = await scope.ServiceProvider.GetRequiredService<EvidenceDbContext>().Set<IndexChange>().AsNoTracking()
                        .Where(c => c.Id > snapshot || c.At >= since)
                        .Select(c => new ChangeRow(c.Id, c.SubmissionId, c.Access)).ToListAsync();
                }

                if (late.Any(r => r.Access))
                {
                    access.Changed();
                }

                await WriteAsync(late.Where(r => r.SubmissionId is not null).Select(r => r.SubmissionId!.Value).Distinct().ToList(), next, CancellationToken.None);
                lock (state)
                {
                    watermark = snapshot;
                    seenAbove.Clear();
                    seenAbove.UnionWith(late.Where(r => r.Id > snapshot).Select(r => r.Id));
                    rebuiltFor = late.Where(r => r.AsksRebuild).Select(r => r.Id).Append(requested).Max();
                    gapSince = null;
                    Advance();
                    next.Commit(Data(watermark, rebuiltFor));
                }

                index.SwapIn(next);
                ready = true;
            }
            finally
            {
                writing.Release();
            }

            logger.LogInformation("Built the index from the database: {Submissions} submissions, {Passages} passages in {ElapsedMs} ms",
                submissions, passages, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Building the index from the database failed; the node goes on with the index it had");
            next.Dispose();
            if (next.Folder is not null)
            {
                try
                {
                    Directory.Delete(next.Folder, recursive: true);
                }
                catch (IOException)
                {
                    // removed at the next start
                }
            }
        }
    }

    private sealed record ChangeRow(long Id, long? SubmissionId, bool Access)
    {
        /// <summary>A row without a submission that is not an access change asks for a whole new index.</summary>
        public bool AsksRebuild => SubmissionId is null && !Access;
    }
}
