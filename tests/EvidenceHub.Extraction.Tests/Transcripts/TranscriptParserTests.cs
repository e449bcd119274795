using System.Text;

namespace EvidenceHub.Extraction.Tests.Transcripts;

[TestClass]
public sealed class TranscriptParserTests
{
    private const string ModernTranscript = """
        Public Accounts Committee
        Oral evidence: Community funding, HC 312
        Wednesday 12 February 2014

        Members present: Margaret Hodge (Chair); Mr Richard Bacon;
        Austin Mitchell

        Witnesses: Jon Thompson, Permanent Secretary, and David Williams,
        Finance Director, gave evidence.

        Q12 Chair: Welcome. How much of the fund has been spent?

        Jon Thompson: About half of it, and the rest is committed.

        David Williams: The committed part will be paid
        Oral evidence: Community funding, HC 312 4
        over the next three years.

        Q13 Mr Bacon: In English, please?

        Jon Thompson: Half spent, half promised.
        """;

    private const string OldTranscript = """
        MINUTES OF EVIDENCE TAKEN BEFORE THE COMMITTEE OF PUBLIC ACCOUNTS
        Date: MONDAY 15 JANUARY 2001
        Witnesses: SIR JOHN BOURN, Comptroller and Auditor General

        12. Chairman: Sir John, is the account qualified?

        Sir John Bourn: It is.

        Mr Williams: 13.  Why?

        (Sir John Bourn) Because the records were lost.

        14.  When were they lost?

        Sir John Bourn: In 1999.
        """;

    [TestMethod]
    public void EachSpeakersTurnIsAPassageWithItsQuestionAndSpeaker()
    {
        var passages = ParseText(ModernTranscript).Passages;

        Assert.AreSequenceEqual(
            new[] { "Q12 Chair", "Q12 Jon Thompson", "Q12 David Williams", "Q13 Mr Bacon", "Q13 Jon Thompson" },
            passages.Select(p => $"{p.Question} {p.Speaker}").ToArray());
        Assert.AreEqual("Welcome. How much of the fund has been spent?", passages[0].Text);
    }

    [TestMethod]
    public void RunningHeaderThatBreaksIntoAnAnswerIsRemoved()
    {
        var answer = ParseText(ModernTranscript).Passages.Single(p => p.Speaker == "David Williams");

        Assert.AreEqual("The committed part will be paid over the next three years.", answer.Text);
    }

    [TestMethod]
    public void FrontMatterGoesIntoMetadata()
    {
        var metadata = ParseText(ModernTranscript).Metadata;

        Assert.AreEqual("Public Accounts Committee", metadata["committee"]);
        Assert.AreEqual("Community funding", metadata["inquiry"]);
        Assert.AreEqual("HC 312", metadata["hcNumber"]);
        Assert.AreEqual("Wednesday 12 February 2014", metadata["date"]);
        Assert.AreEqual("Margaret Hodge (Chair); Mr Richard Bacon; Austin Mitchell", metadata["members"]);
        Assert.Contains("David Williams, Finance Director", metadata["witnesses"]);
    }

    [TestMethod]
    public void OldStyleNumbersBecomeQuestionNumbers()
    {
        var passages = ParseText(OldTranscript).Passages;

        Assert.AreSequenceEqual(
            new[] { "Q12 Chairman", "Q12 Sir John Bourn", "Q13 Mr Williams", "Q13 Sir John Bourn", "Q14 Mr Williams", "Q14 Sir John Bourn" },
            passages.Select(p => $"{p.Question} {p.Speaker}").ToArray());
        Assert.AreEqual("Why?", passages[2].Text);
        Assert.AreEqual("Because the records were lost.", passages[3].Text);
        Assert.AreEqual("When were they lost?", passages[4].Text);
    }

    [TestMethod]
    public void WordTranscriptIsParsedIntoTurns()
    {
        var docx = Word.TestDocx.Create(
            Word.TestDocx.Paragraph("Q45 Chair: Who decides?")
            + Word.TestDocx.Paragraph("Simon Kaye: Residents do."));

        var passages = Word.TestDocx.Extract(docx, isTranscript: true).Passages;

        Assert.AreSequenceEqual(new[] { "Q45 Chair", "Q45 Simon Kaye" }, passages.Select(p => $"{p.Question} {p.Speaker}").ToArray());
        Assert.AreEqual("Residents do.", passages[1].Text);
    }

    private static ExtractedDocument ParseText(string transcript) =>
        new DocumentExtractor().Extract(Encoding.UTF8.GetBytes(transcript),
            new ExtractionRequest(DocumentType.Text, IsTranscript: true), CancellationToken.None);
}
