using Hangfire;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Puts <see cref="ProcessSubmissionJob"/> jobs on the queue in groups of up to <see cref="GroupSize"/>. A batch's
/// rows arrive together and go at once. Single submissions (uploads sent one by one, corrections) wait up to
/// <see cref="Window"/> for others to join them, so that eight clerks' scripts uploading at once make a few
/// groups rather than a job each, while one upload alone is held back only for that short window.
/// </summary>
/// <remarks>
/// The wait is in this process's memory: should the process end inside it, the submissions are still queued
/// in the database, and a worker's <c>PipelineReconciler</c> queues them again (at its start, or once they have
/// waited past its limit). Nothing accepted is lost.
/// </remarks>
public sealed class PipelineGroups : IDisposable
{
    /// <summary>
    /// How many submissions one job processes together. Large enough that a group's fixed costs (its
    /// transactions, its wait for the index) are small beside its work; small enough that a batch is shared
    /// among the workers and its first rows are searchable within a second or two.
    /// </summary>
    public const int GroupSize = 25;

    /// <summary>How long a single submission waits for others to share its job.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    private readonly IBackgroundJobClient jobs;
    private readonly ILogger<PipelineGroups> logger;
    private readonly Lock gate = new();
    private readonly Timer timer;
    private readonly TimeSpan window;
    private List<long> waiting = [];
    private bool disposed;

    /// <param name="jobs">Hangfire's client.</param>
    /// <param name="logger">Where a failure to queue is told.</param>
    /// <param name="window">How long a single submission waits; <see cref="Window"/> unless given.</param>
    public PipelineGroups(IBackgroundJobClient jobs, ILogger<PipelineGroups> logger, TimeSpan? window = null)
    {
        this.jobs = jobs;
        this.logger = logger;
        this.window = window ?? Window;
        timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Queues these submissions now, in groups.</summary>
    public void Enqueue(IReadOnlyCollection<long> submissionIds)
    {
        foreach (var group in submissionIds.Distinct().Order().Chunk(GroupSize))
        {
            if (group.Length == 1)
            {
                var id = group[0];
                jobs.Enqueue<ProcessSubmissionJob>(HangfirePipelineQueue.ProcessQueue, job => job.RunAsync(id, CancellationToken.None));
                continue;
            }

            jobs.Enqueue<ProcessSubmissionJob>(HangfirePipelineQueue.ProcessQueue, job => job.RunManyAsync(group, CancellationToken.None));
        }
    }

    /// <summary>Queues a single submission with those that arrive within the window of it.</summary>
    public void Add(long submissionId)
    {
        List<long>? full = null;
        lock (gate)
        {
            if (disposed)
            {
                full = [submissionId];
            }
            else
            {
                waiting.Add(submissionId);
                if (waiting.Count >= GroupSize)
                {
                    (full, waiting) = (waiting, []);
                }
                else if (waiting.Count == 1)
                {
                    timer.Change(window, Timeout.InfiniteTimeSpan);
                }
            }
        }

        if (full is not null)
        {
            Enqueue(full);
        }
    }

    private void Flush()
    {
        List<long> group;
        lock (gate)
        {
            (group, waiting) = (waiting, []);
        }

        if (group.Count == 0)
        {
            return;
        }

        try
        {
            Enqueue(group);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Queuing {Count} submissions failed; they stay queued in the database, and the reconciler queues them again", group.Count);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }

        timer.Dispose();
        Flush();
    }
}
