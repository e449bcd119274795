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

    public static int Serve(Stream input, Stream output, IDocumentExtractor extractor, bool testHooks = false)
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
        while (ServeOne(input, output, extractor, testHooks))
        {
            if (GC.GetTotalMemory(forceFullCollection: false) > CollectAbove)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }

        return 0;
    }

    /// <summary>One request and its answer (a method of its own so that nothing of the file is still held after it).</summary>
    private static bool ServeOne(Stream input, Stream output, IDocumentExtractor extractor, bool testHooks)
    {
        var header = ExtractionWire.Read(input);
        if (header is null)
        {
            return false;
        }

        var content = ExtractionWire.Read(input) ?? throw new EndOfStreamException("A request ended before its file.");
        ranOutOfMemory = false;
        if (testHooks)
        {
            ExtractionTestHooks.Apply(content);
        }

        var answer = Answer(extractor, content, ExtractionWire.DeserializeRequest(header));
        ExtractionWire.Write(output, ExtractionWire.Serialize(answer));
        output.Flush();
        return true;
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
