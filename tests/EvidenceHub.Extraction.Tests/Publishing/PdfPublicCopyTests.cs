using EvidenceHub.Extraction.Publishing;
using EvidenceHub.Extraction.Tests.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace EvidenceHub.Extraction.Tests.Publishing;

[TestClass]
public sealed class PdfPublicCopyTests
{
    [TestMethod]
    public void NoPlantedNameIsLeftAnywhereInTheBytes()
    {
        var original = PlantedPdf.Create();
        var planted = PlantedPdf.AllText(original);
        foreach (var name in new[] { "Planted Info Author", "Planted Second Author", "Planted Xmp Author", "Planted Page Author",
                     "Planted Image Author", "Planted Photographer", "Planted Comment", "Planted Reviewer", "Planted Signer", "Planted Piece Owner" })
        {
            Assert.Contains(name, planted, "the search must be able to see what was planted");
        }

        var copy = PlantedPdf.AllText(PublicFileCopy.Create(original, DocumentType.Pdf));

        var at = copy.IndexOf(PlantedPdf.Needle, StringComparison.OrdinalIgnoreCase);
        Assert.AreEqual(-1, at, at < 0 ? "" : $"found: …{copy.Substring(Math.Max(0, at - 60), 120)}…");
    }

    [TestMethod]
    public void TheCopyReadsTheSameAsTheOriginal()
    {
        var original = PlantedPdf.Create();

        var copy = PublicFileCopy.Create(original, DocumentType.Pdf);

        var before = TestPdf.Extract(original);
        var after = TestPdf.Extract(copy);
        Assert.AreEqual(before.PageCount, after.PageCount);
        Assert.AreSequenceEqual(before.Passages.ToList(), after.Passages.ToList());
        Assert.AreEqual(PlantedPdf.SecondLine[3..], after.Passages[1].Text);
    }

    [TestMethod]
    public void ImagesAndCommentsStayWithoutTheirAuthors()
    {
        using var copy = PdfDocument.Open(PublicFileCopy.Create(PlantedPdf.Create(), DocumentType.Pdf));

        var page = copy.GetPage(1);
        var image = page.GetImages().Single();
        Assert.AreEqual(8, image.WidthInSamples);
        var jpeg = PlantedPdf.Jpeg();
        var withoutExifAndComment = jpeg.Length - (4 + 6 + 20) - (4 + 15);
        Assert.HasCount(withoutExifAndComment, image.RawMemory.ToArray(), "the JPEG keeps every segment but Exif and the comment");
        Assert.AreSequenceEqual(jpeg[^100..], image.RawMemory.ToArray()[^100..], "tables, frame and scan are as they were");
        var annotations = page.GetAnnotations().ToList();
        var comment = annotations.Single(a => a.Content == "Check the figures");
        Assert.AreEqual("Reviewer", ((StringToken)comment.AnnotationDictionary.Data["T"]).Data);
        var field = annotations.Single(a => a.AnnotationDictionary.Data.ContainsKey("FT"));
        Assert.AreEqual("Signature1", ((StringToken)field.AnnotationDictionary.Data["T"]).Data, "a form field's /T is its name, not an author");
        Assert.IsNull(copy.Information.Author);
        Assert.IsNull(copy.Information.Title);
        Assert.IsFalse(copy.TryGetXmpMetadata(out _));
    }

    [TestMethod]
    public void APasswordProtectedPdfIsRefused()
    {
        var exception = Assert.ThrowsExactly<PublicCopyException>(() => PublicFileCopy.Create(PlantedPdf.Create(encrypted: true), DocumentType.Pdf));

        Assert.Contains("password", exception.Message);
    }

    [TestMethod]
    public void ADamagedPdfIsRefused()
    {
        var damaged = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthe rest is missing"u8.ToArray();

        Assert.ThrowsExactly<PublicCopyException>(() => PublicFileCopy.Create(damaged, DocumentType.Pdf));
    }

    [TestMethod]
    public void PlainTextIsServedAsItIs()
    {
        var text = "1. Rural bus services have been cut.\n"u8.ToArray();

        Assert.AreSequenceEqual(text, PublicFileCopy.Create(text, DocumentType.Text));
    }
}
