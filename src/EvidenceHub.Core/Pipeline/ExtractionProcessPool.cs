using System.Collections.Concurrent;
using System.Diagnostics;
using EvidenceHub.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// A few long-lived extraction child processes (<see cref="ExtractionChildCommand"/>), each reading one file at a
/// time for as many files as it lives: a process per file would cost more than reading a short text file does.
/// Whatever a file does to its reader stays in that process. Past the time limit the child is killed and the file
/// fails "timed out"; a child that dies on a file, or that the server kills for passing its memory limit, is
/// replaced, and the file is tried once more in a fresh one before it fails with a plain reason. Children start
/// when first needed and stop with the server (or on their own, when the server's end of their input closes).
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

    /// <summary>Reads the file in a child process; throws <see cref="ExtractionFailedException"/> with a plain reason.</summary>
    public async Task<ExtractedDocument> ExtractAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var overMemory = false;
        for (var attempt = 1; ; attempt++)
        {
            var (document, lostOverMemory) = await TryOnceAsync(content, request, cancellationToken);
            if (document is not null)
            {
                return document;
            }

            overMemory |= lostOverMemory;
            if (attempt == 2)
            {
                throw overMemory ? ExtractionFailures.OutOfMemory(options.ExtractionMemoryMB) : ExtractionFailures.ReaderStopped();
            }

            logger.LogWarning("The extraction child process reading a {Type} file of {Bytes} bytes was lost; trying the file once more in a fresh one",
                request.Type, content.Length);
        }
    }

    /// <summary>The document; or no document where the child was lost on the file (and whether memory was the cause).</summary>
    private async Task<(ExtractedDocument? Document, bool OverMemory)> TryOnceAsync(
        byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        ExtractionChildProcess? child = null;
        try
        {
            child = TakeIdle() ?? await StartAsync(cancellationToken);
            reading[child.Id] = true;
            var exchange = child.ExtractAsync(content, request);
            var limit = options.ExtractionTimeout;
            var clock = Stopwatch.StartNew();
            // Limits are looked at only while the answer is outstanding: a short file's answer comes first.
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
                    await KillAsync(child, exchange);
                    throw ExtractionFailures.TimedOut(limit);
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    await KillAsync(child, exchange);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var resident = child.WorkingSetBytes;
                if (resident > KillAboveBytes)
                {
                    logger.LogWarning("Extraction child process {Pid} held {MB} MB, past its limit of {LimitMB} MB and margin, on a {Type} file; killed",
                        child.Id, resident / (1024 * 1024), options.ExtractionMemoryMB, request.Type);
                    await KillAsync(child, exchange);
                    return (null, true);
                }
            }

            var answer = await exchange;
            if (answer is null)
            {
                var saidOutOfMemory = child.SaidOutOfMemory;
                logger.LogWarning("Extraction child process {Pid} went while reading a {Type} file: {End}", child.Id, request.Type, child.DescribeEnd());
                await KillAsync(child, exchange);
                return (null, saidOutOfMemory);
            }

            if (answer.RanOutOfMemory)
            {
                // It answered, but a process that ran out of memory is not trusted with the next file.
                logger.LogWarning("Extraction child process {Pid} ran out of its {LimitMB} MB on a {Type} file; replaced", child.Id, options.ExtractionMemoryMB, request.Type);
                Release(child, stop: true);
                throw ExtractionFailures.OutOfMemory(options.ExtractionMemoryMB);
            }

            Release(child, stop: false);
            return answer.Document is { } document
                ? (document, false)
                : throw new ExtractionFailedException(answer.Failure ?? ExtractionFailureKind.CorruptFile,
                    answer.Message ?? "The file could not be read: it may be damaged, or built in a way the reader does not support.");
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

    private async Task KillAsync(ExtractionChildProcess child, Task exchange)
    {
        children.TryRemove(child.Id, out _);
        child.Kill();
        // The pipes are closed, so the exchange ends at once; it is waited for so that nothing of it runs on.
        await exchange.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
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
