using System.Collections.Concurrent;
using System.Runtime;

namespace EvidenceHub.Extraction.Isolation;

/// <summary>
/// The <c>extract</c> command, run by the server as a child process of its own: says hello, then reads requests from
/// its input (a group's may come one after another) and writes an answer for each, in order, as soon as that file is
/// read, for as many requests as it lives, until its input closes (the server stopped, or let it go). A parser that runs away here takes down this process only; the server
/// kills it past its time and memory limits and starts another.
/// </summary>
public static class ExtractionChild
{
    /// <summary>Heap left behind by a large file is given back before waiting for the next, not kept while idle.</summary>
    private const long CollectAbove = 128L * 1024 * 1024;

    private const string Unforeseen = "The file could not be read: it may be damaged, or built in a way the reader does not support.";

    private static volatile bool ranOutOfMemory;

    /// <summary>Answers extraction requests read from <paramref name="input"/> until it closes; returns the exit code.</summary>
    /// <param name="input">Length-prefixed requests: a JSON header, then the file.</param>
    /// <param name="output">Length-prefixed JSON answers, one per request.</param>
    /// <param name="extractor">What reads each file.</param>
    /// <param name="testHooks">Honour the tests' requests to crash, hang or take memory.</param>
    /// <param name="exitWhenInputCloses">
    /// End the process the moment its input closes, even in the middle of a file: the server has gone (or let it go),
    /// and no one will read the answer. A parser that never returns is not left running after a crashed server.
    /// </param>
    public static int Serve(Stream input, Stream output, IDocumentExtractor extractor, bool testHooks = false, bool exitWhenInputCloses = false)
    {
        // A parser may catch an out-of-memory exception and carry on with less text (PdfPig does, parsing leniently);
        // a file that ran out of memory still fails, as too large, rather than giving part of itself as the whole.
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is OutOfMemoryException)
            {
                ranOutOfMemory = true;
            }
        };

        ExtractionWire.Write(output, ExtractionWire.Hello);
        output.Flush();
        // The input is read on a thread of its own so that its end is seen while a file is being read, and so that a
        // group's next files are at hand when one is done.
        using var requests = new BlockingCollection<Request>();
        var ahead = new ReadAhead();
        var reading = new Thread(() => ReadRequests(input, requests, ahead, exitWhenInputCloses)) { IsBackground = true, Name = "extraction requests" };
        reading.Start();
        foreach (var request in requests.GetConsumingEnumerable())
        {
            ahead.Taken(request.Content.Length);
            ServeOne(request, output, extractor, testHooks);
            if (GC.GetTotalMemory(forceFullCollection: false) > CollectAbove)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }

        return 0;
    }

    private sealed record Request(byte[] Header, byte[] Content);

    /// <summary>
    /// How far the requests are read ahead of the file being read: a group of short files all at once, rather than a
    /// hand-over between threads for each; of large files, no more than one at a time besides the one being read.
    /// </summary>
    private sealed class ReadAhead
    {
        private const long MaxBytes = 8L * 1024 * 1024;

        private readonly object gate = new();
        private long queuedBytes;

        public void WaitForRoom()
        {
            lock (gate)
            {
                while (queuedBytes >= MaxBytes)
                {
                    Monitor.Wait(gate);
                }
            }
        }

        public void Added(long bytes)
        {
            lock (gate)
            {
                queuedBytes += bytes;
            }
        }

        public void Taken(long bytes)
        {
            lock (gate)
            {
                queuedBytes -= bytes;
                Monitor.PulseAll(gate);
            }
        }
    }

    private static void ReadRequests(Stream input, BlockingCollection<Request> requests, ReadAhead ahead, bool exitWhenInputCloses)
    {
        try
        {
            // Buffered: a short file's request (its length, header, length and bytes) is one read, not four.
            using var buffered = new BufferedStream(input, 64 * 1024);
            while (true)
            {
                ahead.WaitForRoom();
                if (ExtractionWire.Read(buffered) is not { } header)
                {
                    break;
                }

                var content = ExtractionWire.Read(buffered) ?? throw new EndOfStreamException("A request ended before its file.");
                ahead.Added(content.Length);
                requests.Add(new Request(header, content));
            }
        }
        catch (IOException)
        {
            // a request cut short: the server went while sending it
        }
        finally
        {
            requests.CompleteAdding();
            if (exitWhenInputCloses)
            {
                Environment.Exit(0);
            }
        }
    }

    /// <summary>One request and its answer (a method of its own so that nothing of the file is still held after it).</summary>
    private static void ServeOne(Request request, Stream output, IDocumentExtractor extractor, bool testHooks)
    {
        ranOutOfMemory = false;
        if (testHooks)
        {
            ExtractionTestHooks.Apply(request.Content);
        }

        var answer = Answer(extractor, request.Content, ExtractionWire.DeserializeRequest(request.Header));
        ExtractionWire.Write(output, ExtractionWire.Serialize(answer));
        output.Flush();
    }

    private static ExtractionAnswer Answer(IDocumentExtractor extractor, byte[] content, ExtractionRequest request)
    {
        try
        {
            var document = extractor.Extract(content, request, CancellationToken.None);
            return ranOutOfMemory ? OutOfMemory() : new ExtractionAnswer(document);
        }
        catch (Exception ex) when (ranOutOfMemory || ex is OutOfMemoryException)
        {
            return OutOfMemory();
        }
        catch (ExtractionFailedException ex)
        {
            return new ExtractionAnswer(null, ex.Kind, ex.Message);
        }
        catch (Exception ex)
        {
            // Said plainly to the clerk; the detail goes to standard error, which the server logs.
            Console.Error.WriteLine($"Reading a file failed unforeseen: {ex}");
            return new ExtractionAnswer(null, ExtractionFailureKind.CorruptFile, Unforeseen);
        }
    }

    private static ExtractionAnswer OutOfMemory() => new(null, ExtractionFailureKind.TooLarge, RanOutOfMemory: true);
}
