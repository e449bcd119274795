using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using EvidenceHub.Extraction.Publishing;
using EvidenceHub.Extraction.Tests.Word;

namespace EvidenceHub.Extraction.Tests.Publishing;

[TestClass]
public sealed class DocxPublicCopyTests
{
    [TestMethod]
    public void NoPlantedNameIsLeftInAnyPart()
    {
        var original = PlantedDocx.Create();
        var planted = string.Concat(PlantedDocx.Parts(original).Values);
        foreach (var name in new[] { "Planted Creator", "Planted Last Editor", "Planted Company", "Planted Manager", "Planted Owner",
                     "Planted Editor", "Planted Deleter", "Planted Formatter", "Planted Commenter", "planted@example.org", "Users/Planted" })
        {
            Assert.Contains(name, planted, "the search must be able to see what was planted");
        }

        var copy = PublicFileCopy.Create(original, DocumentType.Docx);

        Assert.AreEqual(-1, System.Text.Encoding.Latin1.GetString(copy).IndexOf(PlantedDocx.Needle, StringComparison.OrdinalIgnoreCase));
        foreach (var (name, xml) in PlantedDocx.Parts(copy))
        {
            var at = xml.IndexOf(PlantedDocx.Needle, StringComparison.OrdinalIgnoreCase);
            Assert.AreEqual(-1, at, at < 0 ? "" : $"{name}: …{xml.Substring(Math.Max(0, at - 60), 120)}…");
            Assert.DoesNotContain(PlantedDocx.Initials, xml, name);
        }
    }

    [TestMethod]
    public void TheCopyReadsTheSameAsTheOriginal()
    {
        var original = PlantedDocx.Create();

        var copy = PublicFileCopy.Create(original, DocumentType.Docx);

        Assert.AreSequenceEqual(TestDocx.Extract(original).Passages.ToList(), TestDocx.Extract(copy).Passages.ToList());
        Assert.AreSequenceEqual(Texts(original), Texts(copy), "every w:t and w:delText of the body is as it was");
    }

    [TestMethod]
    public void ChangesAndCommentsKeepAnAnonymousAuthorAndTheTitleStays()
    {
        var copy = PublicFileCopy.Create(PlantedDocx.Create(), DocumentType.Docx);

        using var document = WordprocessingDocument.Open(new MemoryStream(copy), isEditable: false);
        var main = document.MainDocumentPart!;
        var authors = Xml(main).Descendants().Attributes(W("author")).Select(a => a.Value).ToList();
        Assert.AreSequenceEqual(new[] { "Author", "Author", "Author" }, authors, "insertion, deletion and formatting change");
        var comment = Xml(main.WordprocessingCommentsPart!).Descendants(W("comment")).Single();
        Assert.AreEqual("Reviewer", comment.Attribute(W("author"))?.Value);
        Assert.AreEqual("R", comment.Attribute(W("initials"))?.Value);
        Assert.AreEqual("Source for this?", comment.Value);
        Assert.AreEqual(PlantedDocx.Title, document.PackageProperties.Title);
        Assert.IsNull(document.PackageProperties.Creator);
        Assert.IsNull(document.PackageProperties.LastModifiedBy);
        Assert.IsNull(main.WordprocessingPeoplePart);
        Assert.IsNull(document.CustomFilePropertiesPart);
        Assert.IsEmpty(main.CustomXmlParts);
        Assert.IsEmpty(main.DocumentSettingsPart!.ExternalRelationships);
        Assert.AreEqual("Microsoft Office Word", Xml(document.ExtendedFilePropertiesPart!).Root!.Elements().Single(e => e.Name.LocalName == "Application").Value);
    }

    [TestMethod]
    public void APasswordProtectedWordFileIsRefused()
    {
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var exception = Assert.ThrowsExactly<PublicCopyException>(() => PublicFileCopy.Create(encrypted, DocumentType.Docx));

        Assert.Contains("password", exception.Message);
    }

    [TestMethod]
    public void ADamagedWordFileIsRefused()
    {
        var original = PlantedDocx.Create();
        var damaged = original[..(original.Length / 2)];

        Assert.ThrowsExactly<PublicCopyException>(() => PublicFileCopy.Create(damaged, DocumentType.Docx));
    }

    private static XName W(string name) => XName.Get(name, TestDocx.W);

    private static XDocument Xml(OpenXmlPart part)
    {
        using var stream = part.GetStream();
        return XDocument.Load(stream);
    }

    private static List<string> Texts(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return Xml(document.MainDocumentPart!).Descendants().Where(e => e.Name == W("t") || e.Name == W("delText")).Select(e => e.Value).ToList();
    }
}
