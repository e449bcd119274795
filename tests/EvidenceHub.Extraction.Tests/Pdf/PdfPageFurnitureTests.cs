namespace EvidenceHub.Extraction.Tests.Pdf;

/// <summary>Headers, footers, page numbers, footnotes and page breaks: what sits around the author's paragraphs.</summary>
[TestClass]
public sealed class PdfPageFurnitureTests
{
    [TestMethod]
    public void RunningHeadersFootersAndPageNumbersAreKeptOutOfPassages()
    {
        var pdf = new TestPdf();
        for (var page = 1; page <= 3; page++)
        {
            pdf.NewPage()
                .Text("Written evidence submitted by Local Trust (LBN0012)", 72, 810, 9)
                .Text($"Page {page} of 3", 270, 30, 9);
            pdf.Lines(72, TestPdf.Top, $"Paragraph on page {page} says something about trust.");
        }

        var passages = TestPdf.Extract(pdf.Build()).Passages;

        Assert.AreSequenceEqual(
            new[] { "Paragraph on page 1 says something about trust.", "Paragraph on page 2 says something about trust.", "Paragraph on page 3 says something about trust." },
            passages.Select(p => p.Text).ToArray());
        Assert.AreSequenceEqual(new int?[] { 1, 2, 3 }, passages.Select(p => p.Page).ToArray());
    }

    [TestMethod]
    public void BarePageNumbersAtThePageFootAreRemoved()
    {
        var pdf = new TestPdf();
        pdf.NewPage().Text("7", 290, 30, 10);
        pdf.Lines(72, TestPdf.Top, "Only one page, whose number is seven.");

        var passages = TestPdf.Extract(pdf.Build()).Passages;

        Assert.AreEqual("Only one page, whose number is seven.", passages.Single().Text);
    }

    [TestMethod]
    public void NumberedParagraphsCarryTheAuthorsLabel()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Lines(72, TestPdf.Top,
            "4.2 The council should fund community groups directly,",
            "not through intermediaries.",
            "3(a) Funding should last at least ten years.",
            "(iv) Residents should decide how it is spent.");

        var passages = TestPdf.Extract(pdf.Build()).Passages;

        Assert.AreSequenceEqual(new[] { "4.2", "3(a)", "(iv)" }, passages.Select(p => p.Paragraph).ToArray());
        Assert.AreEqual("The council should fund community groups directly, not through intermediaries.", passages[0].Text);
    }

    [TestMethod]
    public void AParagraphRunningOntoTheNextPageIsOnePassageWithItsStartPage()
    {
        var pdf = new TestPdf();
        pdf.NewPage();
        var y = pdf.Lines(72, TestPdf.Top, "5 The first paragraph ends here.");
        pdf.Lines(72, y - 14, "6 Across the three years the money was spent on");
        pdf.NewPage();
        y = pdf.Lines(72, TestPdf.Top, "youth services, parks and the library.");
        pdf.Lines(72, y - 14, "7 The last paragraph starts on page two.");

        var passages = TestPdf.Extract(pdf.Build()).Passages;

        Assert.HasCount(3, passages);
        Assert.AreEqual("6", passages[1].Paragraph);
        Assert.AreEqual(1, passages[1].Page);
        Assert.AreEqual("Across the three years the money was spent on youth services, parks and the library.", passages[1].Text);
        Assert.AreEqual(2, passages[2].Page);
    }

    [TestMethod]
    public void FootnotesBecomePassagesOfTheirOwn()
    {
        var pdf = new TestPdf().NewPage();
        var y = pdf.Lines(72, TestPdf.Top, "1 Trust in local institutions has fallen by a third.", "It fell most in coastal towns.");
        pdf.Lines(72, y - 14, "2 Residents told us that decisions are made far away, by people who do not", "know the place, and that money arrives in short bursts that end too soon.");
        pdf.Text("1 Office for National Statistics, Community Life Survey 2021.", 72, 70, 8);
        pdf.Text("See table 3 of the survey.", 72, 60, 8);
        pdf.Text("2 Local Trust analysis of the same survey.", 72, 50, 8);

        var passages = TestPdf.Extract(pdf.Build()).Passages;

        Assert.AreEqual("Trust in local institutions has fallen by a third. It fell most in coastal towns.", passages[0].Text);
        Assert.AreEqual(PassageRole.Body, passages[0].Role);
        var footnotes = passages.Where(p => p.Role == PassageRole.Footnote).ToList();
        Assert.AreSequenceEqual(
            new[] { "1 Office for National Statistics, Community Life Survey 2021. See table 3 of the survey.", "2 Local Trust analysis of the same survey." },
            footnotes.Select(f => f.Text).ToArray());
        Assert.IsTrue(footnotes.All(f => f.Page == 1));
    }
}
