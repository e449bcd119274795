using System.Text;
using static EvidenceHub.Extraction.Tests.Word.TestDocx;

namespace EvidenceHub.Extraction.Tests.Word;

[TestClass]
public sealed class DocxFidelityTests
{
    [TestMethod]
    public void TrackedDeletionsAreDroppedAndInsertionsKept()
    {
        var docx = Create(
            "<w:p><w:r><w:t xml:space=\"preserve\">The council </w:t></w:r>"
            + "<w:del w:id=\"1\" w:author=\"Clerk\"><w:r><w:delText xml:space=\"preserve\">rejected </w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"Clerk\"><w:r><w:t xml:space=\"preserve\">approved </w:t></w:r></w:ins>"
            + "<w:r><w:t>the plan.</w:t></w:r></w:p>"
            + "<w:p><w:moveFrom w:id=\"3\" w:author=\"Clerk\"><w:r><w:t xml:space=\"preserve\">Moved elsewhere. </w:t></w:r></w:moveFrom>"
            + "<w:r><w:t>It starts in April.</w:t></w:r></w:p>");

        var texts = Extract(docx).Passages.Select(p => p.Text).ToArray();

        Assert.AreSequenceEqual(new[] { "The council approved the plan.", "It starts in April." }, texts);
    }

    [TestMethod]
    public void FootnotesBecomePassagesButSeparatorsDoNot()
    {
        var footnotes =
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r><w:r><w:t>SEPARATOR</w:t></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Local Trust annual report, 2023, p. 14.</w:t></w:r></w:p></w:footnote>";
        var docx = Create(
            "<w:p><w:r><w:t>Grants reached 150 areas.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
            footnotesXml: footnotes);

        var passages = Extract(docx).Passages;

        Assert.HasCount(2, passages);
        Assert.AreEqual("Grants reached 150 areas.", passages[0].Text);
        Assert.AreEqual(PassageRole.Footnote, passages[1].Role);
        Assert.AreEqual("Local Trust annual report, 2023, p. 14.", passages[1].Text);
        Assert.DoesNotContain("SEPARATOR", string.Join("\n", passages.Select(p => p.Text)));
    }

    [TestMethod]
    public void TableRowsBecomeReadablePassages()
    {
        static string Cell(string text) => $"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>";
        var docx = Create(
            "<w:tbl><w:tr>" + Cell("Region") + Cell("Funding") + "</w:tr>"
            + "<w:tr>" + Cell("North East") + Cell("£1.2m") + "</w:tr></w:tbl>");

        var passages = Extract(docx).Passages;

        Assert.AreSequenceEqual(new[] { "Region | Funding", "North East | £1.2m" }, passages.Select(p => p.Text).ToArray());
        Assert.IsTrue(passages.All(p => p.Role == PassageRole.Table));
    }

    [TestMethod]
    public void TextBoxIsReadOnceThoughWordStoresItTwice()
    {
        const string box = "<w:txbxContent><w:p><w:r><w:t>Case study: Hastings residents' panel.</w:t></w:r></w:p></w:txbxContent>";
        var docx = Create(
            "<w:p><w:r><mc:AlternateContent>"
            + "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            + $"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + $"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
            + "</mc:AlternateContent></w:r><w:r><w:t>Our main point.</w:t></w:r></w:p>");

        var texts = Extract(docx).Passages.Select(p => p.Text).ToArray();

        Assert.AreSequenceEqual(new[] { "Our main point.", "Case study: Hastings residents' panel." }, texts);
    }

    [TestMethod]
    public void FieldResultsAndContentControlsAreReadButFieldCodesAndHeadersAreNot()
    {
        var docx = Create(
            "<w:p><w:r><w:t xml:space=\"preserve\">See page </w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:t xml:space=\"preserve\"> of the report.</w:t></w:r></w:p>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"Organisation\"/></w:sdtPr><w:sdtContent>"
            + Paragraph("Submitted by Local Trust.") + "</w:sdtContent></w:sdt>",
            headerText: "CONFIDENTIAL DRAFT");

        var texts = Extract(docx).Passages.Select(p => p.Text).ToArray();

        Assert.AreSequenceEqual(new[] { "See page 7 of the report.", "Submitted by Local Trust." }, texts);
    }

    [TestMethod]
    public void EncryptedWordFileNeedsAPassword()
    {
        var ole = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(ole, 512);
        Assert.AreEqual(DocumentType.Docx, DocumentTypeSniffer.Sniff(ole));

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => Extract(ole));

        Assert.AreEqual(ExtractionFailureKind.NeedsPassword, failure.Kind);
        Assert.Contains("Word file is password-protected", failure.Message);
    }

    [TestMethod]
    public void DamagedWordFileIsReportedAsCorrupt()
    {
        var docx = Create(Paragraph("Some evidence."));
        var damaged = docx[..(docx.Length / 2)];

        var failure = Assert.ThrowsExactly<ExtractionFailedException>(() => Extract(damaged));

        Assert.AreEqual(ExtractionFailureKind.CorruptFile, failure.Kind);
    }
}
