using System.Text;

namespace EvidenceHub.Extraction.Tests.PlainText;

[TestClass]
public sealed class PlainTextPassageExtractorTests
{
    private const string Evidence =
        "Submission from Local Trust\r\n\r\n"
        + "1. We welcome the inquiry into\r\nlocal funding.\r\n"
        + "2. Grants should run for ten years.\r\n\r\n"
        + "A closing remark.";

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void ParagraphsSplitOnBlankLinesAndLabelsWithOrWithoutByteOrderMark(bool withBom)
    {
        var bytes = (withBom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(Evidence)).ToArray();

        var passages = new DocumentExtractor().Extract(bytes, new ExtractionRequest(DocumentType.Text), CancellationToken.None).Passages;

        Assert.AreSequenceEqual(
            new[] { "Submission from Local Trust", "We welcome the inquiry into local funding.", "Grants should run for ten years.", "A closing remark." },
            passages.Select(p => p.Text).ToArray());
        Assert.AreSequenceEqual(new[] { null, "1", "2", null }, passages.Select(p => p.Paragraph).ToArray());
        Assert.DoesNotStartWith("\uFEFF", passages[0].Text);
    }
}
