using EvidenceHub.Extraction.Coverage;
using EvidenceHub.Samples;

namespace EvidenceHub.Extraction.Tests.Samples;

/// <summary>
/// The sample inquiry's public hearings (invented people): day 1 printed as a PDF with numbered lines, day 2 as text
/// with markup. Read as oral evidence, each turn is a passage with its speaker, role, section, time and (in print)
/// its page and lines.
/// </summary>
[TestClass]
public sealed class SampleHearingTests
{
    static readonly SampleInquiry Inquiry = SampleFolder.LoadLbn();

    static ExtractedDocument Read(string file)
    {
        var submission = Inquiry.Submissions.Single(s => s.File == file);
        var bytes = SampleDocumentRenderer.Render(submission, Inquiry.ReadSource(submission));
        return new DocumentExtractor().Extract(bytes, new ExtractionRequest(DocumentTypeSniffer.Sniff(bytes)!.Value, IsTranscript: true), CancellationToken.None);
    }

    [TestMethod]
    public void The_printed_hearing_gives_each_turn_its_speaker_page_lines_and_time()
    {
        var document = Read("public-hearing-1.pdf");
        var passages = document.Passages;

        Assert.IsGreaterThanOrEqualTo(2, document.PageCount!.Value);
        Assert.IsTrue(passages.All(p => p.Speaker is not null), "every passage is a turn with a speaker");
        Assert.AreEqual("Ms Adeyemi", passages[0].Speaker, "the Chair's opening remarks are the Chair's, by name");
        Assert.AreEqual("Chair", passages[0].SpeakerRole);
        Assert.StartsWith("Good morning, and welcome to the first public hearing", passages[0].Text);
        Assert.AreEqual("Opening remarks by the Chair", passages[0].Section);
        Assert.AreEqual("10.00 am", passages[0].Time);
        Assert.AreEqual((1, 4), (passages[0].Page!.Value, passages[0].LineStart!.Value));
        Assert.IsGreaterThan(passages[0].LineStart!.Value, passages[0].LineEnd!.Value);

        var name = passages.Single(p => p.Text == "Harriet Anne Okonjo.");
        Assert.AreEqual("Ms Harriet Okonjo", name.Speaker);
        Assert.AreEqual("Witness", name.SpeakerRole);
        Assert.AreEqual("MS HARRIET OKONJO (sworn) — Questions from Counsel to the Inquiry", name.Section);
        var question = passages[passages.ToList().IndexOf(name) - 1];
        Assert.AreEqual(("Mr Renshaw", "Counsel to the Inquiry"), (question.Speaker, question.SpeakerRole));

        var afterBreak = passages.Single(p => p.Text.StartsWith("Ms Okonjo, before the break", StringComparison.Ordinal));
        Assert.AreEqual("11.30 am", afterBreak.Time);
        Assert.IsNotNull(afterBreak.LineStart);
        Assert.DoesNotContain(p => p.Text.Contains("Levelling up and 'left behind' neighbourhoods", StringComparison.Ordinal), passages, "the running header is furniture");
        Assert.IsGreaterThanOrEqualTo(WordCoverage.Required, document.WordCoverage!.Value);
    }

    [TestMethod]
    public void The_marked_up_hearing_takes_its_roles_from_the_front_matter()
    {
        var document = Read("public-hearing-2.md");
        var passages = document.Passages;

        Assert.IsTrue(passages.All(p => p.Speaker is not null), "every passage is a turn with a speaker");
        Assert.AreSequenceEqual(
            new[] { "Ms Adeyemi", "Mr Renshaw", "Mr Renshaw", "Mr Dev Lindqvist" },
            passages.Take(4).Select(p => p.Speaker).ToArray());
        Assert.AreEqual("MR DEV LINDQVIST (affirmed) — Examination by Mr Renshaw", passages[2].Section);
        Assert.AreEqual("Counsel to the Inquiry", passages[2].SpeakerRole);
        Assert.AreEqual("Witness", passages[3].SpeakerRole);
        Assert.AreEqual("Chair", passages[0].SpeakerRole);
        Assert.AreEqual("Forty households in three blocks. We meet in the launderette because there is nowhere else.", passages[3].Text);
        Assert.EndsWith("We are grateful. (The hearing concluded)", passages[^1].Text);
        Assert.AreEqual("7 February 2024", document.Metadata["date"]);
        Assert.IsGreaterThanOrEqualTo(WordCoverage.Required, document.WordCoverage!.Value);
    }
}
