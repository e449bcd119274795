using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using EvidenceHub.Extraction;
using EvidenceHub.Extraction.Isolation;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The server's end of one extraction child process: starts it under its heap limit, waits for its hello, sends it
/// files over its standard input and reads their answers, in order, from its output, keeps the last lines of its
/// standard error for the log, and kills it — with anything it started, such as OCR tools — when told.
/// </summary>
internal sealed class ExtractionChildProcess : IDisposable
{
    private const int KeptErrorLines = 20;

    private readonly Process process;
    private readonly Stream input;
    private readonly Stream output;
    private readonly ConcurrentQueue<string> errors = new();
    private readonly Channel<byte[]> messages = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private ExtractionChildProcess(Process process, ILogger logger)
    {
        this.process = process;
        Id = process.Id;
        input = process.StandardInput.BaseStream;
        output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line)
            {
                return;
            }

            logger.LogWarning("Extraction child process {Pid}: {Line}", Id, line);
            errors.Enqueue(line);
            while (errors.Count > KeptErrorLines && errors.TryDequeue(out string? _))
            {
            }
        };
        process.BeginErrorReadLine();
        new Thread(ReadMessages) { IsBackground = true, Name = $"extraction child {Id} output" }.Start();
    }

    public int Id { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Its resident memory now; 0 once it has gone.</summary>
    public long WorkingSetBytes
    {
        get
        {
            try
            {
                process.Refresh();
                return process.WorkingSet64;
            }
            catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
            {
                return 0;
            }
        }
    }

    /// <summary>Whether its last words were of running out of memory (the runtime says so when it cannot go on).</summary>
    public bool SaidOutOfMemory => errors.Any(l =>
        l.Contains("OutOfMemory", StringComparison.Ordinal) || l.Contains("out of memory", StringComparison.OrdinalIgnoreCase));

    public static async Task<ExtractionChildProcess> StartAsync(
        ExtractionChildCommand command, long heapLimitBytes, TimeSpan within, ILogger logger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The heap limit makes a decompression bomb fail in the child as "out of memory" instead of growing until the
        // machine runs out; one heap, not one per core, as a child reads one file at a time.
        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{heapLimitBytes:X}";
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"The extraction child process ({command}) could not be started.");
        var child = new ExtractionChildProcess(process, logger);
        try
        {
            var hello = await child.NextMessageAsync().WaitAsync(within, cancellationToken);
            if (hello is null || !hello.AsSpan().SequenceEqual(ExtractionWire.Hello))
            {
                throw new InvalidOperationException($"The extraction child process ({command}) did not start: {child.DescribeEnd()}");
            }

            return child;
        }
        catch (Exception ex) when (ex is TimeoutException or IOException)
        {
            var end = child.DescribeEnd();
            child.Kill();
            throw new InvalidOperationException($"The extraction child process ({command}) did not start: {end}", ex);
        }
        catch
        {
            child.Kill();
            throw;
        }
    }

    /// <summary>
    /// Sends the files' requests one after another without waiting for answers (the child answers them in order, one
    /// each, through <see cref="ReadAnswerAsync"/>). Ends once all are written, or at once where the child went.
    /// </summary>
    public async Task SendAsync(IReadOnlyList<ExtractionFile> files)
    {
        try
        {
            await ExtractionWire.WriteRequestsAsync(input, files.Select(f => (f.Request, f.Content)), CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // the child went: its answers, read next, end short
        }
    }

    /// <summary>The child's answer to the next request sent, or null where the child went (exited, was killed, or answered out of step).</summary>
    public async Task<ExtractionAnswer?> ReadAnswerAsync()
    {
        try
        {
            return await NextMessageAsync() is { } answer ? ExtractionWire.DeserializeAnswer(answer) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The child's next message (at once where it has come already), or null once its output has ended.</summary>
    private async Task<byte[]?> NextMessageAsync()
    {
        try
        {
            return messages.Reader.TryRead(out var message) ? message : await messages.Reader.ReadAsync();
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the child's messages on a thread of its own, for as long as it lives: a pipe's asynchronous read is a
    /// blocking read on a thread of the pool, which would hold one for each child waiting on a file (and, when the
    /// pool runs short, delay each answer until it grows). Buffered, so a message's length and body are one read.
    /// </summary>
    private void ReadMessages()
    {
        try
        {
            using var buffered = new BufferedStream(output, 64 * 1024);
            while (ExtractionWire.Read(buffered, ExtractionWire.MaxAnswerBytes) is { } message)
            {
                messages.Writer.TryWrite(message);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidDataException)
        {
            // it went, or answered out of step: what it had said stands, and the next read ends short
        }
        finally
        {
            messages.Writer.TryComplete();
        }
    }

    /// <summary>How it ended, for the log: its exit code (128 + the signal where it was killed) and last error lines.</summary>
    public string DescribeEnd()
    {
        var exit = process.WaitForExit(TimeSpan.FromSeconds(5)) ? $"exit code {process.ExitCode}" : "still running";
        return errors.IsEmpty ? exit : $"{exit}; last error output: {string.Join(" | ", errors)}";
    }

    /// <summary>Kills it and anything it started, and closes the pipes (so a read in progress ends at once).</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // it had already gone
        }

        Dispose();
    }

    /// <summary>Closes its input, which it takes as the end of its work; kills it if it has not gone within the grace.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            input.Close();
            await process.WaitForExitAsync().WaitAsync(grace);
            Dispose();
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            Kill();
        }
    }

    public void Dispose()
    {
        input.Dispose();
        output.Dispose();
        process.Dispose();
    }
}
