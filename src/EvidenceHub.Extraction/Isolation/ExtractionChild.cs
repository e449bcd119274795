using System.Collections.Concurrent;
using System.Runtime;

namespace EvidenceHub.Extraction.Isolation;

/// <summary>
/// The <c>extract</c> command, run by the server as a child process of its own: says hello, then reads one request
/// at a time from its input and writes the answer to its output, for as many requests as it lives, until its input
/// closes (the server stopped, or let it go). A parser that runs away here takes down this process only; the server
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
        // The input is read on a thread of its own so that its end is seen while a file is being read.
        using var requests = new BlockingCollection<Request>(boundedCapacity: 1);
        var reading = new Thread(() => ReadRequests(input, requests, exitWhenInputCloses)) { IsBackground = true, Name = "extraction requests" };
        reading.Start();
        foreach (var request in requests.GetConsumingEnumerable())
        {
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

    private static void ReadRequests(Stream input, BlockingCollection<Request> requests, bool exitWhenInputCloses)
    {
        try
        {
            while (ExtractionWire.Read(input) is { } header)
            {
                requests.Add(new Request(header, ExtractionWire.Read(input) ?? throw new EndOfStreamException("A request ended before its file.")));
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
