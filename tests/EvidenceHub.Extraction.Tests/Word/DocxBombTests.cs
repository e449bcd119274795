using System.Diagnostics;
using System.IO.Compression;
using EvidenceHub.Extraction.Word;

namespace EvidenceHub.Extraction.Tests.Word;

[TestClass]
public sealed class DocxBombTests
{
    private static readonly DocxPassageExtractor Extractor = new();

    [TestMethod]
    public void APartThatUnpacksFarPastTheLimitIsTooLargeAndNeverInflated()
    {
        // 300 MB of zeros deflates to well under a megabyte: a small upload that would unpack past the 256 MB default.
        var bomb = WithExtraPart(TestDocx.Create("<w:p><w:r><w:t>Evidence.</w:t></w:r></w:p>"), "word/media/zeros.bin", 300L * 1024 * 1024);
        Assert.IsLessThan(2 * 1024 * 1024, bomb.Length);

        var clock = Stopwatch.StartNew();
        var failure = Assert.ThrowsExactly<ExtractionFailedException>(
            () => Extractor.Extract(bomb, new ExtractionRequest(DocumentType.Docx), CancellationToken.None));

        Assert.AreEqual(ExtractionFailureKind.TooLarge, failure.Kind);
        Assert.Contains("unpack", failure.Message);
        Assert.IsLessThan(2000, clock.ElapsedMilliseconds, "the sizes are read from the ZIP directory, not by inflating");
    }

    [TestMethod]
    public void PartsThatTogetherPassTheLimitAreTooLarge()
    {
        var docx = TestDocx.Create("<w:p><w:r><w:t>Evidence.</w:t></w:r></w:p>");
        for (var i = 0; i < 3; i++)
        {
            docx = WithExtraPart(docx, $"word/media/part{i}.bin", 400 * 1024);
        }

        var request = new ExtractionRequest(DocumentType.Docx, MaxUncompressedBytes: 1024 * 1024);
        var failure = Assert.ThrowsExactly<ExtractionFailedException>(
            () => Extractor.Extract(docx, request, CancellationToken.None));

        Assert.AreEqual(ExtractionFailureKind.TooLarge, failure.Kind);
    }

    [TestMethod]
    public void AnOrdinaryWordFileIsWellInsideTheLimit()
    {
        var docx = WithExtraPart(TestDocx.Create("<w:p><w:r><w:t>Evidence.</w:t></w:r></w:p>"), "word/media/image.bin", 100 * 1024);

        var passages = Extractor.Extract(docx, new ExtractionRequest(DocumentType.Docx), CancellationToken.None).Passages;

        Assert.AreEqual("Evidence.", passages.Single().Text);
    }

    private static byte[] WithExtraPart(byte[] docx, string name, long zeros)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            var block = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += block.Length)
            {
                part.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
        }

        return stream.ToArray();
    }
}
