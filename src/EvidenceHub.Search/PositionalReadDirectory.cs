using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace EvidenceHub.Search;

/// <summary>
/// The index folder read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// pread on Linux) into 8 KB buffers; writing, listing and locking are <see cref="NIOFSDirectory"/>'s.
/// </summary>
/// <remarks>
/// Lucene.Net's NIOFSDirectory seeks and reads a shared FileStream under a lock, so two threads reading
/// the same postings file take turns: a search collected in two slices took as long as in one, and
/// concurrent searches queued on each other. A positional read needs no lock and no seek, and a
/// buffer of 8 KB instead of Lucene's 1 KB makes one system call where there were sixteen.
/// (MMapDirectory, which would avoid the calls, crashes in this beta.)
/// </remarks>
internal sealed class PositionalReadDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    public const int BufferSize = 8 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);
        try
        {
            return new PositionalReadInput($"PositionalReadInput(path=\"{file}\")", handle, RandomAccess.GetLength(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private sealed class PositionalReadInput(string description, SafeFileHandle handle, long length)
        : BufferedIndexInput(description, PositionalReadDirectory.BufferSize)
    {
        private bool isClone;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (PositionalReadInput)base.Clone();
            clone.isClone = true;
            return clone;
        }

        /// <summary>Fills b[offset, offset + count) from the file at the current position (where the buffer starts).</summary>
        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            var position = Position;
            if (position + count > length)
            {
                throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes, length {length})");
            }

            while (count > 0)
            {
                var read = RandomAccess.Read(handle, b.AsSpan(offset, count), position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes left)");
                }

                position += read;
                offset += read;
                count -= read;
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Every read says where it reads from.
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !isClone)
            {
                handle.Dispose();
            }
        }
    }
}
