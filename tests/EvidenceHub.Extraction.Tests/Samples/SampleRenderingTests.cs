using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Samples;
using UglyToad.PdfPig;

namespace EvidenceHub.Extraction.Tests.Samples;

[TestClass]
public sealed class SampleRenderingTests
{
    static readonly SampleInquiry Inquiry = SampleFolder.LoadLbn();

    static (SampleSubmission Submission, byte[] Bytes) Render(string file)
    {
        var submission = Inquiry.Submissions.Single(s => s.File == file);
        return (submission, SampleDocumentRenderer.Render(submission, Inquiry.ReadSource(submission)));
    }

    static string PageText(PdfDocument pdf, int number) => string.Join(' ', pdf.GetPage(number).GetWords().Select(word => word.Text));

    [TestMethod]
    public void Every_sample_renders_to_a_non_empty_file()
    {
        foreach (var submission in Inquiry.Submissions)
        {
            Assert.IsGreaterThan(500, SampleDocumentRenderer.Render(submission, Inquiry.ReadSource(submission)).Length, submission.File);
        }
    }

    [TestMethod]
    public void A_single_column_pdf_wraps_numbered_paragraphs_within_the_page()
    {
        var (_, bytes) = Render("eastbrook-community-land-trust.pdf");
        using var pdf = PdfDocument.Open(bytes);
        Assert.IsGreaterThanOrEqualTo(2, pdf.NumberOfPages);
        Assert.Contains("Eastbrook Community Land Trust was set up in 2016", PageText(pdf, 1));
        Assert.Contains("£42,000 in community shares", PageText(pdf, 1));
        Assert.Contains("the system should make that possible", PageText(pdf, pdf.NumberOfPages));
        foreach (var page in pdf.GetPages())
        {
            Assert.IsTrue(page.Letters.All(letter => letter.EndBaseLine.X <= page.Width - 50), $"text runs off page {page.Number}");
        }
    }

    [TestMethod]
    public void A_two_column_pdf_sets_text_in_both_halves_of_the_page()
    {
        var (_, bytes) = Render("holloway-vale-youth-project.pdf");
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var middle = page.Width / 2;
        var words = page.GetWords().ToList();
        Assert.Contains(word => word.BoundingBox.Right < middle - 5, words);
        Assert.Contains(word => word.BoundingBox.Left > middle + 5, words);
        Assert.DoesNotContain(word => word.BoundingBox.Left < middle && word.BoundingBox.Right > middle + 5 && word.Letters[0].PointSize < 12 && word.BoundingBox.Bottom > 60, words,
            "no body word should straddle the gutter");
    }

    [TestMethod]
    public void A_report_pdf_has_a_running_header_and_a_page_number_on_every_page()
    {
        var (_, bytes) = Render("brightwater-foundation.pdf");
        using var pdf = PdfDocument.Open(bytes);
        Assert.IsGreaterThanOrEqualTo(3, pdf.NumberOfPages);
        for (var number = 1; number <= pdf.NumberOfPages; number++)
        {
            var text = PageText(pdf, number);
            Assert.Contains("The Brightwater Foundation: Written evidence", text, $"header on page {number}");
            Assert.Contains($"Page {number}", text, $"footer on page {number}");
        }
        Assert.Contains("Neighbourhoods First programme", PageText(pdf, 1));
        Assert.Contains("Neighbourhoods First ten-year evaluation", PageText(pdf, pdf.NumberOfPages));
    }

    [TestMethod]
    public void A_transcript_pdf_keeps_question_numbers_and_speakers()
    {
        var (_, bytes) = Render("oral-session-1.pdf");
        using var pdf = PdfDocument.Open(bytes);
        Assert.IsGreaterThanOrEqualTo(3, pdf.NumberOfPages);
        Assert.Contains("Oral evidence taken on Tuesday 17 October 2023", PageText(pdf, 1));
        Assert.Contains("Q1 Chair: Good morning", PageText(pdf, 1));
        Assert.Contains("Q30 Chair: Finally", PageText(pdf, pdf.NumberOfPages));
        Assert.Contains("Oral evidence: Levelling up and 'left behind' neighbourhoods, 17 October 2023", PageText(pdf, 2));
        Assert.Contains("Page 2", PageText(pdf, 2));
    }

    [TestMethod]
    public void A_numbered_docx_numbers_paragraphs_with_word_lists_and_has_real_footnotes()
    {
        var (_, bytes) = Render("saltmarsh-bay-development-trust.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;

        var levels = main.NumberingDefinitionsPart!.Numbering.Descendants<Level>().Select(level => level.LevelText!.Val!.Value).ToList();
        Assert.AreSequenceEqual(new[] { "%1.", "%1.%2" }, levels);

        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();
        var numbered = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.IsGreaterThanOrEqualTo(15, numbered.Count);
        Assert.DoesNotContain(p => char.IsAsciiDigit(p.InnerText[0]), numbered, "labels live in list numbering, not in the text");
        Assert.Contains(p => p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val! == 1, numbered);
        Assert.Contains(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1" && p.InnerText == "Summary", paragraphs);

        var notes = main.FootnotesPart!.Footnotes.Elements<Footnote>().Where(note => note.Id! > 0).ToList();
        Assert.HasCount(2, notes);
        Assert.Contains("community asset transfer policy", notes[0].InnerText);
        Assert.HasCount(2, main.Document.Descendants<FootnoteReference>());
        Assert.DoesNotContain("[^", main.Document.Body.InnerText);
    }

    [TestMethod]
    public void A_plain_docx_types_its_labels()
    {
        var (_, bytes) = Render("fiscal-fairness-forum.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.IsNull(document.MainDocumentPart.NumberingDefinitionsPart);
        Assert.Contains("1.The Fiscal Fairness Forum is a small research group", paragraphs.Select(p => p.Replace("\t", "")).ToList()[1]);
    }

    [TestMethod]
    public void A_transcript_docx_starts_each_turn_with_its_speaker_in_bold()
    {
        var (_, bytes) = Render("oral-session-2.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var turn = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First(p => p.InnerText.StartsWith("Q31 Chair:", StringComparison.Ordinal));
        var speaker = turn.Elements<Run>().First();
        Assert.AreEqual("Q31 Chair:", speaker.InnerText);
        Assert.IsNotNull(speaker.RunProperties?.Bold);
    }

    [TestMethod]
    public void Text_layouts_are_utf8_paragraphs_separated_by_blank_lines()
    {
        var (_, bytes) = Render("marrowfield-estate-residents-association.txt");
        var text = Encoding.UTF8.GetString(bytes);
        var paragraphs = text.Split("\n\n");
        Assert.AreEqual("Written evidence submitted by Marrowfield Estate Residents' Association", paragraphs[0]);
        Assert.StartsWith("1. The Marrowfield Estate Residents' Association represents", paragraphs[1]);
        Assert.Contains("(a) money given to the estate to spend", text);

        var transcript = Encoding.UTF8.GetString(Render("oral-session-3.txt").Bytes);
        Assert.Contains("\n\nQ61 Chair: Good morning.", transcript);
    }
}
