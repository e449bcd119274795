using System.IO.Compression;
using System.Text;

namespace EvidenceHub.Extraction.Tests.Word;

[TestClass]
public sealed class DocxStrictTests
{
    [TestMethod]
    public void StrictOpenXmlDocumentIsRead()
    {
        var docx = StrictPackage(
            "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">3(a) Strict files are saved by Word as ISO 29500 Strict.</w:t></w:r></w:p>"
            + "</w:body></w:document>");

        var passage = TestDocx.Extract(docx).Passages.Single();

        Assert.AreEqual("3(a)", passage.Paragraph);
        Assert.AreEqual("Strict files are saved by Word as ISO 29500 Strict.", passage.Text);
    }

    private static byte[] StrictPackage(string documentXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>");
            Add(zip, "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>");
            Add(zip, "word/document.xml", documentXml);
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(xml));
    }
}
