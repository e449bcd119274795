using Lucene.Net.Store;

namespace EvidenceHub.Search;

/// <summary>
/// <see cref="NIOFSDirectory"/> whose files are read <see cref="BufferSize"/> bytes at a time instead of
/// Lucene's 1 KB. Every refill of the read buffer is a system call (two in Lucene.Net: it also asks for
/// the file's length), and at 1M passages reading postings, positions and stored fields a kilobyte at a
/// time was a large part of a search. (MMapDirectory, which would avoid the calls, crashes in this beta.)
/// </summary>
internal sealed class BufferedNIOFSDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    public const int BufferSize = 8 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        if (input is BufferedIndexInput buffered && buffered.BufferSize < BufferSize)
        {
            // Clones (one per terms enum, postings enum, stored-fields reader) keep the size.
            buffered.SetBufferSize(BufferSize);
        }

        return input;
    }
}
