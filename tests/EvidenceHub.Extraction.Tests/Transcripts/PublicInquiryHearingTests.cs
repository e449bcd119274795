using System.Text;
using EvidenceHub.Extraction.Coverage;

namespace EvidenceHub.Extraction.Tests.Transcripts;

/// <summary>
/// Public-inquiry hearings (invented people) in the styles they are published in: reStructuredText with bold labels,
/// Markdown with front matter and Q./A. examination, and the printed page with line numbers and labels in capitals.
/// </summary>
[TestClass]
public sealed class PublicInquiryHearingTests
{
    private const string ReStructuredText = """
        Transcript of Module 4 Public Hearing on 9 May 2024
        ===================================================

        *(10.00 am)*

        Opening Remarks by the Chair
        ----------------------------

        **Lady Marchbank**: Good morning, and welcome to the first day of hearings in Module 4.

        I shall hear first from Counsel to the Inquiry.

        **Mr Pellew**: Good morning, my Lady. Our first witness is Professor Ada Quenby.

        Professor Ada Quenby
        --------------------

        *PROFESSOR ADA QUENBY (affirmed).*

        Questions From Counsel to the Inquiry
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

        **Mr Pellew**: Could you give us your full name, please.

        **Professor Ada Quenby**: Ada Margaret Quenby.

        **Counsel Inquiry**: You have *kindly* prepared a witness statement, INQ000123456.

        It is up on screen before us.

        **Professor Ada Quenby**: I have, yes.

        *(Pause)*

        **LADY MARCHBANK**: Thank you, Professor.

        *(11.15 am)*

        *(A short break)*

        **Mr Pellew**: Then we turn to the stockpiles.
        """;

    private const string Markdown = """
        ---
        title: Hearing day 12
        date: 14 May 2024
        chair: Baroness Ruth Marchbank
        counsel to the inquiry: Mr Jonah Pellew KC
        witnesses:
          - Ms Imogen Farrant
        ---

        # Neighbourhood Resilience Inquiry: hearing day 12

        *(10.00 am)*

        ## Opening remarks by the Chair

        Good morning. Today we hear from the council's director of public health.

        Mr Pellew.

        ## MS IMOGEN FARRANT (sworn)

        ## Examination by Mr Pellew KC

        Q. Could you give us your full name, please?

        A. Imogen Rose Farrant.

        Q. You were director of public health from 2019?

        A. From April 2019, yes.

        **LADY MARCHBANK**: Ms Farrant, take your time.

        A. Thank you, my Lady.
        """;

    private const string PrintedPage = """
                                   Neighbourhood Resilience Inquiry                 14 May 2024
        1                                       Tuesday, 14 May 2024
        2    (10.00 am)
        3                       Opening remarks by THE CHAIR
        4    LADY MARCHBANK: Good morning. Today we hear from the
        5        council's director of public health.
        6            Mr Pellew.
        7    MR PELLEW: My Lady, I call Ms Imogen Farrant.
        8                      MS IMOGEN FARRANT (sworn)
        9                         Examination by MR PELLEW
        10   Q. Could you give us your full name, please?
        11   A. Imogen Rose Farrant.
        12   Q. You were director of public health from 2019, and
        13       the plan was last tested in 2017?
        14   A. From April 2019, yes. The exercise was in 2017.
                                               1
                                   Neighbourhood Resilience Inquiry                 14 May 2024
        1    LADY MARCHBANK: Ms Farrant, take your time.
        2    A. Thank you, my Lady.
        3    (11.15 am)
        4    MR PELLEW: We turn to the stockpiles.
                                               2
                                   Neighbourhood Resilience Inquiry                 14 May 2024
        1    MR PELLEW: Who held the stockpile list?
        2    A. The regional team held it.
        3    (Adjourned until 10.00 am the following day)
                                               3
        """;

    [TestMethod]
    public void ReStructuredTextHearingIsOnePassagePerTurnWithSectionTimeAndSpeaker()
    {
        var document = Parse(ReStructuredText);

        Assert.AreSequenceEqual(
            new[] { "Lady Marchbank", "Mr Pellew", "Mr Pellew", "Professor Ada Quenby", "Counsel Inquiry", "Professor Ada Quenby", "Lady Marchbank", "Mr Pellew" },
            document.Passages.Select(p => p.Speaker).ToArray());
        Assert.AreEqual("Good morning, and welcome to the first day of hearings in Module 4. I shall hear first from Counsel to the Inquiry.", document.Passages[0].Text);
        Assert.AreEqual("Opening Remarks by the Chair", document.Passages[0].Section);
        Assert.AreEqual("10.00 am", document.Passages[0].Time);
        Assert.AreEqual("Professor Ada Quenby — PROFESSOR ADA QUENBY (affirmed). — Questions From Counsel to the Inquiry", document.Passages[2].Section);
        Assert.AreEqual("You have kindly prepared a witness statement, INQ000123456. It is up on screen before us.", document.Passages[4].Text);
        Assert.AreEqual("I have, yes. (Pause)", document.Passages[5].Text);
        Assert.AreEqual("11.15 am", document.Passages[^1].Time);
        Assert.AreEqual("Transcript of Module 4 Public Hearing on 9 May 2024", document.Metadata["title"]);
        Assert.AreEqual("9 May 2024", document.Metadata["date"]);
        Assert.AreEqual("Witness", document.Passages[3].SpeakerRole);
        Assert.IsGreaterThanOrEqualTo(WordCoverage.Required, document.WordCoverage!.Value);
    }

    [TestMethod]
    public void MarkdownHearingTakesRolesFromFrontMatterAndQuestionsAndAnswersFromTheExamination()
    {
        var document = Parse(Markdown);

        Assert.AreSequenceEqual(
            new[] { "Lady Marchbank", "Mr Pellew", "Ms Imogen Farrant", "Mr Pellew", "Ms Imogen Farrant", "Lady Marchbank", "Ms Imogen Farrant" },
            document.Passages.Select(p => p.Speaker).ToArray());
        Assert.AreSequenceEqual(
            new[] { "Chair", "Counsel to the Inquiry", "Witness", "Counsel to the Inquiry", "Witness", "Chair", "Witness" },
            document.Passages.Select(p => p.SpeakerRole).ToArray());
        Assert.AreEqual("Good morning. Today we hear from the council's director of public health. Mr Pellew.", document.Passages[0].Text);
        Assert.AreEqual("Opening remarks by the Chair", document.Passages[0].Section);
        Assert.AreEqual("MS IMOGEN FARRANT (sworn) — Examination by Mr Pellew KC", document.Passages[1].Section);
        Assert.AreEqual("Could you give us your full name, please?", document.Passages[1].Text);
        Assert.AreEqual("Baroness Ruth Marchbank", document.Metadata["chair"]);
        Assert.AreEqual("Hearing day 12", document.Metadata["title"]);
        Assert.IsGreaterThanOrEqualTo(WordCoverage.Required, document.WordCoverage!.Value);
    }

    [TestMethod]
    public void PrintedPagesGiveEachTurnItsPageLinesAndTime()
    {
        var document = Parse(PrintedPage);
        var turns = document.Passages.Where(p => p.Speaker is not null).ToList();

        Assert.AreSequenceEqual(
            new[] { "Lady Marchbank", "Mr Pellew", "Mr Pellew", "Ms Imogen Farrant", "Mr Pellew", "Ms Imogen Farrant", "Lady Marchbank", "Ms Imogen Farrant", "Mr Pellew", "Mr Pellew", "Ms Imogen Farrant" },
            turns.Select(p => p.Speaker).ToArray());
        Assert.AreEqual("Good morning. Today we hear from the council's director of public health. Mr Pellew.", turns[0].Text);
        Assert.AreEqual("1:4-6", Location(turns[0]));
        Assert.AreEqual("1:12-13", Location(turns[4]));
        Assert.AreEqual("You were director of public health from 2019, and the plan was last tested in 2017?", turns[4].Text);
        Assert.AreEqual("2:4-4", Location(turns[8]));
        Assert.AreEqual("11.15 am", turns[8].Time);
        Assert.AreEqual("10.00 am", turns[0].Time);
        Assert.AreEqual("Opening remarks by THE CHAIR", turns[0].Section);
        Assert.AreEqual("MS IMOGEN FARRANT (sworn) — Examination by MR PELLEW", turns[3].Section);
        Assert.AreEqual("The regional team held it. (Adjourned until 10.00 am the following day)", turns[^1].Text);
        Assert.DoesNotContain(p => p.Text.Contains("Neighbourhood Resilience Inquiry", StringComparison.Ordinal), document.Passages, "running header left in");
        Assert.IsGreaterThanOrEqualTo(0.9, document.WordCoverage!.Value);
    }

    [TestMethod]
    public void ProseUploadedAsOralKeepsItsWordsAndParagraphLabels()
    {
        const string prose = """
            A note on the hearing arrangements

            1. The hearing room opens at 9.30 am and the public gallery seats forty.

            2. Transcripts are published on the evening of each hearing day.
            """;

        var document = Parse(prose);

        Assert.AreSequenceEqual(new[] { null, "1", "2" }, document.Passages.Select(p => p.Paragraph).ToArray());
        Assert.AreEqual(1.0, document.WordCoverage);
    }

    [TestMethod]
    public void MarkupIsTakenOffWrittenEvidenceButHeadingsAndLabelsStay()
    {
        const string markdown = """
            # Written evidence from the *Fenwick* Trust

            ## Summary

            1. We **strongly** support [the proposal](https://example.org/proposal).

            - Grants should run for *ten* years.
            - Bids should be `short`.

            Our Reply
            ~~~~~~~~~

            2. See paragraph 1.
            """;

        var passages = new DocumentExtractor().Extract(Encoding.UTF8.GetBytes(markdown), new ExtractionRequest(DocumentType.Text), CancellationToken.None).Passages;

        Assert.AreSequenceEqual(
            new[] { "Written evidence from the Fenwick Trust", "Summary", "We strongly support the proposal.", "Grants should run for ten years.", "Bids should be short.", "Our Reply", "See paragraph 1." },
            passages.Select(p => p.Text).ToArray());
        Assert.AreSequenceEqual(
            new[] { PassageRole.Heading, PassageRole.Heading, PassageRole.Body, PassageRole.Body, PassageRole.Body, PassageRole.Heading, PassageRole.Body },
            passages.Select(p => p.Role).ToArray());
        Assert.AreEqual("1", passages[2].Paragraph);
        Assert.AreEqual("2", passages[6].Paragraph);
    }

    private static string Location(ExtractedPassage passage) => $"{passage.Page}:{passage.LineStart}-{passage.LineEnd}";

    private static ExtractedDocument Parse(string text) =>
        new DocumentExtractor().Extract(Encoding.UTF8.GetBytes(text), new ExtractionRequest(DocumentType.Text, IsTranscript: true), CancellationToken.None);
}
