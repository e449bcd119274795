using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace EvidenceHub.Search;

/// <summary>
/// The index folder read through memory maps: a read is a copy out of the page cache, with no system call,
/// no lock and no buffer of our own. Writing, listing and locking are <see cref="NIOFSDirectory"/>'s.
/// </summary>
/// <remarks>
/// <para>
/// Lucene.Net's own MMapDirectory crashes in this beta (lucenenet #1013): it unmaps a file when its input is
/// closed, while a clone of that input may still be reading on another thread. Here nothing is unmapped by
/// closing: a file's one mapping is shared by its input, its slices and all their clones, and is unmapped by
/// the runtime when none of them can be reached any more. A read can never touch memory that is gone.
/// </para>
/// <para>
/// The positional reads this replaces (pread into 8 KB buffers) were 14% of a search's CPU in a profile at 20k
/// passages: the system calls, and the copies into and out of the buffers.
/// </para>
/// </remarks>
internal sealed class MappedReadDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        var mapping = Map(name);
        return new MappedInput($"MappedInput(path=\"{mapping.File}\")", mapping, 0, mapping.Length);
    }

    /// <summary>Slices of one file (the parts of a compound segment file), all reading its one mapping.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer(Map(name));

    private FileMapping Map(string name)
    {
        EnsureOpen();
        return FileMapping.Open(Path.Combine(Directory.FullName, name));
    }

    private sealed class Slicer(FileMapping mapping) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > mapping.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset),
                    $"The slice {offset}:{offset + length} is outside {mapping.File} ({mapping.Length} bytes).");
            }

            return new MappedInput($"MappedInput({sliceDescription} in path=\"{mapping.File}\" slice={offset}:{offset + length})",
                mapping, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, mapping.Length);

        protected override void Dispose(bool disposing)
        {
            // The mapping goes when nothing reads it (see the directory's remarks).
        }
    }

    /// <summary>
    /// A whole file mapped for reading. The file itself is closed as soon as it is mapped (the mapping does not
    /// need it, and a node holds no descriptor per segment); the view's handle unmaps the memory when it is
    /// collected, which is only once no input holds this object: each input keeps it, and keeps it alive
    /// through every read.
    /// </summary>
    private sealed unsafe class FileMapping
    {
        private readonly MemoryMappedViewAccessor? view;

        private FileMapping(string path, long length, MemoryMappedViewAccessor? view)
        {
            File = path;
            Length = length;
            this.view = view;
            Start = view is null ? null : (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
        }

        public string File { get; }

        public long Length { get; }

        /// <summary>The file's first byte (null for an empty file, which cannot be mapped and has nothing to read).</summary>
        public byte* Start { get; }

        public static FileMapping Open(string path)
        {
            // Lucene writes a file once and may delete it while readers still have it: share both.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var length = stream.Length;
            if (length == 0)
            {
                return new FileMapping(path, 0, null);
            }

            using var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read,
                HandleInheritability.None, leaveOpen: true);
            return new FileMapping(path, length, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read));
        }

        /// <summary>Keeps the view (and so the mapping) reachable up to the point of the call.</summary>
        public void KeepAlive() => GC.KeepAlive(view);
    }

    /// <summary>Bytes [offset, offset + length) of a mapped file: the whole file, or one slice of a compound file.</summary>
    private sealed unsafe class MappedInput(string description, FileMapping mapping, long offset, long length) : IndexInput(description)
    {
        private readonly byte* start = mapping.Start + offset;
        private long position;

        public override long Length => length;

        public override long Position => position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length)
            {
                throw new EndOfStreamException($"seek past EOF: {this} (position {pos}, length {length})");
            }

            position = pos;
        }

        public override byte ReadByte()
        {
            if (position >= length)
            {
                throw EndOfStream(1);
            }

            var b = start[position++];
            mapping.KeepAlive();
            return b;
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            var from = Take(len);
            new ReadOnlySpan<byte>(start + from, len).CopyTo(b.AsSpan(offset, len));
            mapping.KeepAlive();
        }

        public override short ReadInt16()
        {
            var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(start + Take(2), 2));
            mapping.KeepAlive();
            return value;
        }

        public override int ReadInt32()
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(start + Take(4), 4));
            mapping.KeepAlive();
            return value;
        }

        public override long ReadInt64()
        {
            var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(start + Take(8), 8));
            mapping.KeepAlive();
            return value;
        }

        public override int ReadVInt32()
        {
            if (length - position < 5)
            {
                return base.ReadVInt32(); // near the end: byte by byte, with the end checked at each
            }

            var p = start + position;
            int b = p[0];
            var value = b & 0x7F;
            var read = 1;
            for (var shift = 7; b >= 0x80 && read < 5; shift += 7)
            {
                b = p[read++];
                value |= (b & 0x7F) << shift;
            }

            mapping.KeepAlive();
            if (read == 5 && (b & 0xF0) != 0)
            {
                throw new IOException($"Invalid VInt32 detected (too many bits) in {this} at {position}.");
            }

            position += read;
            return value;
        }

        public override void SkipBytes(long numBytes)
        {
            if (numBytes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(numBytes), "numBytes must be >= 0.");
            }

            Seek(position + numBytes);
        }

        public override object Clone() => new MappedInput(ToString()!, mapping, offset, length) { position = position };

        protected override void Dispose(bool disposing)
        {
            // The mapping goes when nothing reads it (see the directory's remarks).
        }

        /// <summary>Moves past <paramref name="count"/> bytes and says where they start.</summary>
        private long Take(int count)
        {
            if (count < 0 || position + count > length)
            {
                throw EndOfStream(count);
            }

            var from = position;
            position += count;
            return from;
        }

        private EndOfStreamException EndOfStream(int count) =>
            new($"read past EOF: {this} (position {position}, {count} bytes, length {length})");
    }
}
