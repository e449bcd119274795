using static EvidenceHub.Extraction.Tests.Word.TestDocx;

namespace EvidenceHub.Extraction.Tests.Word;

[TestClass]
public sealed class DocxListNumberingTests
{
    private const string MultiLevel =
        "<w:abstractNum w:abstractNumId=\"1\">"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
        + "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1(%3)\"/></w:lvl>"
        + "</w:abstractNum>";

    [TestMethod]
    public void ListNumbersBecomeParagraphLabelsAsWordShowsThem()
    {
        var docx = Create(
            ListParagraph("Introduction to our evidence.", numId: 1)
            + ListParagraph("Local trusts fund residents directly.", numId: 1, level: 1)
            + ListParagraph("Residents decide on spending.", numId: 1, level: 1)
            + ListParagraph("Including small grants.", numId: 1, level: 2)
            + ListParagraph("Our recommendations follow.", numId: 1)
            + ListParagraph("Funding should be long term.", numId: 1, level: 1),
            numberingXml: MultiLevel + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>");

        var labels = Extract(docx).Passages.Select(p => p.Paragraph).ToArray();

        Assert.AreSequenceEqual(new[] { "1", "1.1", "1.2", "1(a)", "2", "2.1" }, labels);
    }

    [TestMethod]
    public void StartValuesRomanNumeralsAndRestartsAreHonoured()
    {
        var numbering =
            MultiLevel
            + "<w:abstractNum w:abstractNumId=\"2\">" + Level(0, "lowerRoman", "(%1)", start: 7) + "</w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"3\">" + Level(0, "upperLetter", "%1.", start: 1) + "</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
            + "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"3\"/>"
            + "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
        var docx = Create(
            ListParagraph("Seventh point.", numId: 2)
            + ListParagraph("Eighth point.", numId: 2)
            + ListParagraph("First option.", numId: 3)
            + ListParagraph("Second option.", numId: 3)
            + ListParagraph("A new list starts again.", numId: 4)
            + ListParagraph("And goes on.", numId: 4),
            numberingXml: numbering);

        var labels = Extract(docx).Passages.Select(p => p.Paragraph).ToArray();

        Assert.AreSequenceEqual(new[] { "(vii)", "(viii)", "A", "B", "A", "B" }, labels);
    }

    [TestMethod]
    public void NumberingCarriedByAParagraphStyleCounts()
    {
        var styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"EvidencePara\"><w:name w:val=\"Evidence Para\"/>"
            + "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"EvidenceSub\"><w:name w:val=\"Evidence Sub\"/>"
            + "<w:basedOn w:val=\"EvidencePara\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>";
        var numbering =
            "<w:abstractNum w:abstractNumId=\"9\">" + Level(0, "decimal", "%1.", style: "EvidencePara")
            + Level(1, "decimal", "%1.%2", style: "EvidenceSub") + "</w:abstractNum>"
            + "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"9\"/></w:num>";
        var docx = Create(
            Paragraph("We welcome the inquiry.", "<w:pStyle w:val=\"EvidencePara\"/>")
            + Paragraph("Funding is short term.", "<w:pStyle w:val=\"EvidencePara\"/>")
            + Paragraph("Most grants last a year.", "<w:pStyle w:val=\"EvidenceSub\"/>"),
            numberingXml: numbering, stylesXml: styles);

        var passages = Extract(docx).Passages;

        Assert.AreSequenceEqual(new[] { "1", "2", "2.1" }, passages.Select(p => p.Paragraph).ToArray());
        Assert.AreEqual("Most grants last a year.", passages[2].Text);
    }

    [TestMethod]
    public void BulletsAreNotLabelsButTypedLabelsStillAre()
    {
        var numbering =
            "<w:abstractNum w:abstractNumId=\"4\">" + Level(0, "bullet", "\u2022") + "</w:abstractNum>"
            + "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"4\"/></w:num>";
        var docx = Create(
            ListParagraph("Parks and libraries.", numId: 6)
            + Paragraph("4.2 Local councils cannot fill the gap."),
            numberingXml: numbering);

        var passages = Extract(docx).Passages;

        Assert.IsNull(passages[0].Paragraph);
        Assert.AreEqual("Parks and libraries.", passages[0].Text);
        Assert.AreEqual("4.2", passages[1].Paragraph);
        Assert.AreEqual("Local councils cannot fill the gap.", passages[1].Text);
    }
}
