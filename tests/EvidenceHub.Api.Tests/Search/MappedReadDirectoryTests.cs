using EvidenceHub.Search;
using Lucene.Net.Store;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// The index's memory-mapped reads give back exactly what was written (bytes, fixed and variable-length
/// numbers, strings, slices of a file), stop at the end of a file or slice with the error Lucene expects,
/// and keep reading through a clone after the input it came from was closed, and after the file was
/// deleted: the case that crashes Lucene.Net's own MMapDirectory.
/// </summary>
[TestClass]
public sealed class MappedReadDirectoryTests
{
    private static readonly int[] VInts = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 268_435_455, 268_435_456, int.MaxValue, -1, int.MinValue];

    private string folder = null!;
    private MappedReadDirectory directory = null!;

    [TestInitialize]
    public void Open()
    {
        folder = Path.Combine(Path.GetTempPath(), "evidencehub-tests", "mapped-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        directory = new MappedReadDirectory(new DirectoryInfo(folder));
    }

    [TestCleanup]
    public void Close()
    {
        directory.Dispose();
        System.IO.Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void What_was_written_is_read_back_and_the_end_of_the_file_is_an_error()
    {
        Write("values", o =>
        {
            o.WriteByte(7);
            o.WriteInt16(-12_345);
            o.WriteInt32(-123_456_789);
            o.WriteInt64(long.MinValue + 99);
            o.WriteString("Local Trust (LBN0012) para 3.2 — “quoted”");
            foreach (var v in VInts)
            {
                o.WriteVInt32(v);
            }

            o.WriteVInt64(long.MaxValue);
            o.WriteBytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10);
            o.WriteVInt32(300); // the last value, fewer than five bytes from the end
        });

        using var input = directory.OpenInput("values", IOContext.DEFAULT);
        Assert.AreEqual((byte)7, input.ReadByte());
        Assert.AreEqual((short)-12_345, input.ReadInt16());
        Assert.AreEqual(-123_456_789, input.ReadInt32());
        Assert.AreEqual(long.MinValue + 99, input.ReadInt64());
        Assert.AreEqual("Local Trust (LBN0012) para 3.2 — “quoted”", input.ReadString());
        foreach (var v in VInts)
        {
            Assert.AreEqual(v, input.ReadVInt32());
        }

        Assert.AreEqual(long.MaxValue, input.ReadVInt64());
        var bytes = new byte[12];
        input.ReadBytes(bytes, 2, 10);
        Assert.AreSequenceEqual(new byte[] { 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, bytes);
        Assert.AreEqual(300, input.ReadVInt32());
        Assert.AreEqual(input.Length, input.Position);

        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadByte());
        input.Seek(input.Length - 2);
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadInt32());
        Assert.AreEqual(input.Length - 2, input.Position, "a read that fails moves nothing");
        Assert.ThrowsExactly<EndOfStreamException>(() => input.Seek(input.Length + 1));
    }

    [TestMethod]
    public void A_slice_reads_its_own_bytes_and_ends_where_it_ends()
    {
        Write("compound", o => o.WriteBytes(Enumerable.Range(0, 200).Select(i => (byte)i).ToArray(), 200));

        using var slicer = directory.CreateSlicer("compound", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", 50, 20);
        Assert.AreEqual(20, slice.Length);
        Assert.AreEqual((byte)50, slice.ReadByte());
        slice.Seek(19);
        Assert.AreEqual((byte)69, slice.ReadByte());
        Assert.ThrowsExactly<EndOfStreamException>(() => slice.ReadByte());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => slicer.OpenSlice("beyond", 190, 20));
    }

    [TestMethod]
    public void A_clone_reads_on_after_its_input_is_closed_and_the_file_deleted()
    {
        Write("segment", o =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                o.WriteInt32(i);
            }
        });

        var input = directory.OpenInput("segment", IOContext.DEFAULT);
        input.Seek(4 * 100);
        var clone = (IndexInput)input.Clone();
        Assert.AreEqual(100, input.ReadInt32());
        Assert.AreEqual(100, clone.ReadInt32(), "a clone starts where its input was, and moves on its own");
        input.Dispose();
        directory.DeleteFile("segment");
        GC.Collect();
        GC.WaitForPendingFinalizers();

        clone.Seek(4 * 9_999);
        Assert.AreEqual(9_999, clone.ReadInt32());
    }

    [TestMethod]
    public void An_empty_file_opens_and_has_nothing_to_read()
    {
        Write("empty", _ => { });

        using var input = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.AreEqual(0, input.Length);
        Assert.ThrowsExactly<EndOfStreamException>(() => input.ReadByte());
    }

    private void Write(string name, Action<IndexOutput> write)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
    }
}
