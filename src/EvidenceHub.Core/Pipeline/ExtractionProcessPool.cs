using System.Collections.Concurrent;
using System.Diagnostics;
using EvidenceHub.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// A few long-lived extraction child processes (<see cref="ExtractionChildCommand"/>), each reading one file at a
/// time for as many files as it lives: a process per file would cost more than reading a short text file does, and
/// a group of files is sent to a child in one exchange rather than a round trip a file. Whatever a file does to its
/// reader stays in that process. Past the time limit the child is killed and the file fails "timed out"; a child
/// that dies on a file, or that the server kills for passing its memory limit, is replaced, and the file is tried
/// once more, alone, in a fresh one before it fails with a plain reason. Children start when first needed and stop
/// with the server (or on their own, when the server's end of their input closes).
/// </summary>
public sealed class ExtractionProcessPool : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WatchEvery = TimeSpan.FromMilliseconds(100);

    private readonly ExtractionChildCommand command;
    private readonly EvidenceHubOptions options;
    private readonly ILogger<ExtractionProcessPool> logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentStack<ExtractionChildProcess> idle = new();
    private readonly ConcurrentDictionary<int, ExtractionChildProcess> children = new();
    private readonly ConcurrentDictionary<int, bool> reading = new();
    private volatile bool disposed;
    private int started;

    public ExtractionProcessPool(ExtractionChildCommand command, IOptions<EvidenceHubOptions> options, ILogger<ExtractionProcessPool> logger)
    {
        this.command = command;
        this.options = options.Value;
        this.logger = logger;
        slots = new SemaphoreSlim(this.options.ExtractionProcessCount);
    }

    /// <summary>The child processes alive now, idle or reading.</summary>
    public IReadOnlyCollection<int> ProcessIds => [.. children.Keys];

    /// <summary>The child processes reading a file now.</summary>
    public IReadOnlyCollection<int> ReadingProcessIds => [.. reading.Keys];

    /// <summary>How many child processes it has started: more than it holds means some were lost or killed.</summary>
    public int Started => started;

    private long HeapLimitBytes => options.ExtractionMemoryMB * 1024L * 1024;

    private long KillAboveBytes => (options.ExtractionMemoryMB + EvidenceHubOptions.ExtractionMemoryMarginMB) * 1024L * 1024;

    /// <summary>Reads the file in a child process (a group of one); throws <see cref="ExtractionFailedException"/> with a plain reason.</summary>
    public async Task<ExtractedDocument> ExtractAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken) =>
        (await ExtractManyAsync([new ExtractionFile(content, request)], cancellationToken))[0].DocumentOrThrow();

    /// <summary>
    /// Reads a group of files, split into a share for each child process, each share sent in one exchange (the
    /// requests one after another, the answers read as they come, in order). Each file keeps its own limits: its time
    /// runs from the previous file's answer, and the child is watched for memory while it reads. A child lost on a
    /// file (it died, or was killed past its memory limit) takes only that file's try with it: that file and the ones
    /// it had not reached yet are then read alone, each until it is answered or has been lost with two readers, when
    /// it fails with a plain reason. The results are in the order of <paramref name="files"/>.
    /// </summary>
    public async Task<IReadOnlyList<ExtractionResult>> ExtractManyAsync(IReadOnlyList<ExtractionFile> files, CancellationToken cancellationToken)
    {
        var group = new GroupState(files);
        var shareSize = (files.Count + options.ExtractionProcessCount - 1) / options.ExtractionProcessCount;
        IEnumerable<int[]> shares = Enumerable.Range(0, files.Count).Chunk(Math.Max(shareSize, 1));
        while (true)
        {
            await Task.WhenAll(shares.Select(share => ReadShareAsync(group, share, cancellationToken)));
            var unread = Enumerable.Range(0, files.Count).Where(i => group.Results[i] is null).ToList();
            if (unread.Count == 0)
            {
                return group.Results!;
            }

            foreach (var i in unread.Where(i => group.Losses[i] > 0))
            {
                if (group.Losses[i] == 2)
                {
                    group.Results[i] = ExtractionResult.Failed(group.OverMemory[i]
                        ? ExtractionFailures.OutOfMemory(options.ExtractionMemoryMB) : ExtractionFailures.ReaderStopped());
                    continue;
                }

                logger.LogWarning("The extraction child process reading a {Type} file of {Bytes} bytes was lost; trying the file once more, alone, in a fresh one",
                    files[i].Request.Type, files[i].Content.Length);
            }

            shares = unread.Where(i => group.Results[i] is null).Select(i => new[] { i }).ToList();
        }
    }

    /// <summary>What a group has come to so far: each file's result once it has one, and the readers lost on it.</summary>
    private sealed class GroupState(IReadOnlyList<ExtractionFile> files)
    {
        public IReadOnlyList<ExtractionFile> Files { get; } = files;

        public ExtractionResult?[] Results { get; } = new ExtractionResult?[files.Count];

        public int[] Losses { get; } = new int[files.Count];

        public bool[] OverMemory { get; } = new bool[files.Count];
    }

    /// <summary>
    /// One share in one child: its results filled in up to the first file the child was lost on (counted against that
    /// file) or that ended it (timed out, or ran out of memory); the files after that are left without a result.
    /// </summary>
    private async Task ReadShareAsync(GroupState group, int[] share, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        ExtractionChildProcess? child = null;
        try
        {
            child = TakeIdle() ?? await StartAsync(cancellationToken);
            reading[child.Id] = true;
            var sending = child.SendAsync([.. share.Select(i => group.Files[i])]);
            for (var n = 0; n < share.Length; n++)
            {
                var file = share[n];
                var request = group.Files[file].Request;
                var exchange = child.ReadAnswerAsync();
                var ended = await WatchAsync(child, exchange, request, cancellationToken);
                if (ended is Ended.TimedOut)
                {
                    await KillAsync(child, exchange, sending);
                    group.Results[file] = ExtractionResult.Failed(ExtractionFailures.TimedOut(options.ExtractionTimeout));
                    return;
                }

                if (ended is Ended.Cancelled)
                {
                    await KillAsync(child, exchange, sending);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (ended is Ended.OverMemory)
                {
                    await KillAsync(child, exchange, sending);
                    group.Losses[file]++;
                    group.OverMemory[file] = true;
                    return;
                }

                var answer = await exchange;
                if (answer is null)
                {
                    group.OverMemory[file] |= child.SaidOutOfMemory;
                    group.Losses[file]++;
                    logger.LogWarning("Extraction child process {Pid} went while reading a {Type} file: {End}", child.Id, request.Type, child.DescribeEnd());
                    await KillAsync(child, exchange, sending);
                    return;
                }

                if (answer.RanOutOfMemory)
                {
                    // It answered, but a process that ran out of memory is not trusted with the next file.
                    logger.LogWarning("Extraction child process {Pid} ran out of its {LimitMB} MB on a {Type} file; replaced", child.Id, options.ExtractionMemoryMB, request.Type);
                    group.Results[file] = ExtractionResult.Failed(ExtractionFailures.OutOfMemory(options.ExtractionMemoryMB));
                    if (n < share.Length - 1)
                    {
                        await KillAsync(child, exchange, sending); // it was sent more files than it will be trusted with
                    }
                    else
                    {
                        Release(child, stop: true);
                    }

                    return;
                }

                group.Results[file] = answer.Document is { } document
                    ? ExtractionResult.Read(document)
                    : ExtractionResult.Failed(new ExtractionFailedException(answer.Failure ?? ExtractionFailureKind.CorruptFile,
                        answer.Message ?? "The file could not be read: it may be damaged, or built in a way the reader does not support."));
            }

            await sending;
            Release(child, stop: false);
        }
        finally
        {
            if (child is not null)
            {
                reading.TryRemove(child.Id, out _);
            }

            slots.Release();
        }
    }

    private enum Ended
    {
        Answered,
        TimedOut,
        Cancelled,
        OverMemory,
    }

    /// <summary>
    /// Waits for the answer to one file, watching the child's time and memory meanwhile (its time counted from now, the
    /// previous file's answer). Limits are looked at only while the answer is outstanding: a short file's answer comes first.
    /// </summary>
    private async Task<Ended> WatchAsync(ExtractionChildProcess child, Task exchange, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var limit = options.ExtractionTimeout;
        var clock = Stopwatch.StartNew();
        while (!exchange.IsCompleted)
        {
            var wait = Math.Clamp((limit - clock.Elapsed).Ticks, TimeSpan.TicksPerMillisecond, WatchEvery.Ticks);
            await Task.WhenAny(exchange, Task.Delay(TimeSpan.FromTicks(wait), cancellationToken));
            if (exchange.IsCompleted)
            {
                break;
            }

            if (clock.Elapsed >= limit)
            {
                logger.LogWarning("Extraction child process {Pid} passed the time limit of {Limit} on a {Type} file; killed", child.Id, limit, request.Type);
                return Ended.TimedOut;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Ended.Cancelled;
            }

            var resident = child.WorkingSetBytes;
            if (resident > KillAboveBytes)
            {
                logger.LogWarning("Extraction child process {Pid} held {MB} MB, past its limit of {LimitMB} MB and margin, on a {Type} file; killed",
                    child.Id, resident / (1024 * 1024), options.ExtractionMemoryMB, request.Type);
                return Ended.OverMemory;
            }
        }

        return Ended.Answered;
    }

    private ExtractionChildProcess? TakeIdle()
    {
        while (idle.TryPop(out var child))
        {
            if (!child.HasExited)
            {
                return child;
            }

            logger.LogWarning("Extraction child process {Pid} went while idle: {End}", child.Id, child.DescribeEnd());
            children.TryRemove(child.Id, out _);
            child.Kill();
        }

        return null;
    }

    private async Task<ExtractionChildProcess> StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var child = await ExtractionChildProcess.StartAsync(command, HeapLimitBytes, StartLimit, logger, cancellationToken);
        children[child.Id] = child;
        Interlocked.Increment(ref started);
        logger.LogInformation("Started extraction child process {Pid} ({Command}, heap limit {LimitMB} MB)", child.Id, command, options.ExtractionMemoryMB);
        return child;
    }

    /// <summary>Back to the idle ones for the next file; or, told to stop or once the pool is closing, let go.</summary>
    private void Release(ExtractionChildProcess child, bool stop)
    {
        if (!stop && !disposed)
        {
            idle.Push(child);
            return;
        }

        children.TryRemove(child.Id, out _);
        _ = child.StopAsync(TimeSpan.FromSeconds(2));
    }

    private async Task KillAsync(ExtractionChildProcess child, Task answer, Task sending)
    {
        children.TryRemove(child.Id, out _);
        child.Kill();
        // The pipes are closed, so the exchange ends at once; it is waited for so that nothing of it runs on.
        await Task.WhenAll(answer, sending).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        disposed = true;
        var stopping = children.Values.Select(c => c.StopAsync(TimeSpan.FromSeconds(2))).ToArray();
        children.Clear();
        idle.Clear();
        Task.WaitAll(stopping);
    }
}
