using EvidenceHub.Extraction.Pdf;

namespace EvidenceHub.Extraction.Tests.Pdf;

[TestClass]
public sealed class PdfReadingOrderTests
{
    [TestMethod]
    public void TwoColumnPageIsReadColumnByColumn()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Text("Evidence from the Local Trust", 50, 800, 16);
        for (var i = 1; i <= 30; i++)
        {
            pdf.Text($"left{i} words of the first column here", 50, 760 - (i * 14));
            pdf.Text($"right{i} words of the second column there", 320, 760 - (i * 14));
        }

        var text = string.Join(' ', TestPdf.Extract(pdf.Build()).Passages.Select(p => p.Text));

        var order = Enumerable.Range(1, 30).Select(i => $"left{i} ").Concat(Enumerable.Range(1, 30).Select(i => $"right{i} "))
            .Select(marker => text.IndexOf(marker, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order, text);
        Assert.AreSequenceEqual(order.Order().ToList(), order, "the left column should be read to the end before the right one: " + text);
    }

    [TestMethod]
    public void WordsHyphenatedAtLineEndsAreRejoinedButRealHyphensStay()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Lines(72, TestPdf.Top,
            "The strength of the local commu-",
            "nity matters, and place-based funding is what",
            "works for resi-",
            "dents in Anglo-",
            "Saxon villages.");

        var passage = TestPdf.Extract(pdf.Build()).Passages.Single();

        Assert.AreEqual(
            "The strength of the local community matters, and place-based funding is what works for residents in Anglo-Saxon villages.",
            passage.Text);
    }

    [TestMethod]
    public void ParagraphsSeparatedByAGapBecomeSeparatePassages()
    {
        var pdf = new TestPdf().NewPage();
        var y = pdf.Lines(72, TestPdf.Top, "The first paragraph is about funding.", "It has two lines.");
        pdf.Lines(72, y - 14, "The second paragraph is about trust.");

        var passages = TestPdf.Extract(pdf.Build()).Passages;

        Assert.AreSequenceEqual(
            new[] { "The first paragraph is about funding. It has two lines.", "The second paragraph is about trust." },
            passages.Select(p => p.Text).ToArray());
    }

    [TestMethod]
    public void ReadLinesMarksTurnsForTheTranscriptParser()
    {
        var pdf = new TestPdf();
        for (var page = 1; page <= 2; page++)
        {
            pdf.NewPage().Text("Oral evidence: Local Trust, 18 June 2014", 72, 810, 9).Text($"{page}", 290, 30, 9);
            var y = pdf.Lines(72, TestPdf.Top, $"Q{page * 2 - 1} Chair: Good morning and welcome to the", "committee.");
            pdf.Lines(72, y - 8, $"Mr Bacon: Thank you, Chair, for having us {page}.");
        }

        var lines = new PdfPassageExtractor()
            .ReadLines(pdf.Build(), new ExtractionRequest(DocumentType.Pdf, IsTranscript: true), CancellationToken.None).Lines;

        Assert.AreSequenceEqual(
            new[]
            {
                "¶Q1 Chair: Good morning and welcome to the", " committee.", "¶Mr Bacon: Thank you, Chair, for having us 1.",
                "¶Q3 Chair: Good morning and welcome to the", " committee.", "¶Mr Bacon: Thank you, Chair, for having us 2.",
            },
            lines.Select(l => (l.StartsParagraph ? "¶" : " ") + l.Text).ToArray());
        Assert.AreEqual(2, lines[3].Page);
    }
}
