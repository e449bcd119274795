using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace EvidenceHub.Search;

/// <summary>
/// The index folder read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// pread on Linux) into 8 KB buffers, whole files and the slices of compound files alike; writing, listing
/// and locking are <see cref="NIOFSDirectory"/>'s.
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
        var (file, handle) = OpenHandle(name);
        try
        {
            return new PositionalReadInput($"PositionalReadInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle), ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Slices of one file (the parts of a compound segment file), read the same way.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        var (file, handle) = OpenHandle(name);
        return new Slicer(file, handle);
    }

    private (string File, SafeFileHandle Handle) OpenHandle(string name)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return (file, File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.None));
    }

    private sealed class Slicer(string file, SafeFileHandle handle) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalReadInput($"PositionalReadInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})",
                handle, offset, length, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>Bytes [offset, offset + length) of a file: the whole file, or one slice of a compound file.</summary>
    private sealed class PositionalReadInput(string description, SafeFileHandle handle, long offset, long length, bool ownsHandle)
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

        /// <summary>Fills b[at, at + count) from the current position (where the buffer starts).</summary>
        protected override void ReadInternal(byte[] b, int at, int count)
        {
            var position = Position;
            if (position + count > length)
            {
                throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes, length {length})");
            }

            while (count > 0)
            {
                var read = RandomAccess.Read(handle, b.AsSpan(at, count), offset + position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes left)");
                }

                position += read;
                at += read;
                count -= read;
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Every read says where it reads from.
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !isClone)
            {
                handle.Dispose();
            }
        }
    }
}
