using System.Text;

namespace EvidenceHub.Extraction.Tests.Core;

/// <summary>A file may give only so much: past the caps on text and on passages it fails "too large", in any format.</summary>
[TestClass]
public sealed class ExtractionCapTests
{
    [TestMethod]
    public void TextPastTheCharacterCapIsTooLarge()
    {
        var text = Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat("Community funding should last ten years.", 10)));

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => new DocumentExtractor()
            .Extract(text, new ExtractionRequest(DocumentType.Text, MaxCharacters: 200), CancellationToken.None));

        Assert.AreEqual(ExtractionFailureKind.TooLarge, failure.Kind);
        Assert.Contains("Split it into smaller files", failure.Message);
    }

    [TestMethod]
    public void MillionsOfOneWordParagraphsArePastThePassageCapThoughUnderTheTextCap()
    {
        var text = Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat("a", 1001)));

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => new DocumentExtractor()
            .Extract(text, new ExtractionRequest(DocumentType.Text, MaxPassages: 1000), CancellationToken.None));

        Assert.AreEqual(ExtractionFailureKind.TooLarge, failure.Kind);
        Assert.Contains("more than the 1,000 a submission may have", failure.Message);
    }

    [TestMethod]
    public void AFileAtTheCapsIsRead()
    {
        var text = Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat("a", 1000)));

        var document = new DocumentExtractor().Extract(text, new ExtractionRequest(DocumentType.Text, MaxCharacters: 1000, MaxPassages: 1000), CancellationToken.None);

        Assert.HasCount(1000, document.Passages);
    }
}
