using System.Text;
using EvidenceHub.Extraction.Coverage;
using EvidenceHub.Extraction.Tests.Publishing;
using EvidenceHub.Extraction.Tests.Samples;
using EvidenceHub.Samples;

namespace EvidenceHub.Extraction.Tests.Core;

/// <summary>
/// No silent loss: every file that reads keeps at least <see cref="WordCoverage.Required"/> of its text layer's words
/// in its passages and metadata; every generated sample, every readable file of shared/corpus (read as oral evidence
/// under its transcripts folder), and a file that loses words is measured as losing them.
/// </summary>
[TestClass]
public sealed class NoSilentLossTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EveryGeneratedSampleKeepsItsWords()
    {
        var inquiry = SampleFolder.LoadLbn();
        var lost = new List<string>();
        foreach (var submission in inquiry.Submissions)
        {
            var bytes = SampleDocumentRenderer.Render(submission, inquiry.ReadSource(submission));
            var type = DocumentTypeSniffer.Sniff(bytes)!.Value;
            var document = new DocumentExtractor().Extract(bytes, new ExtractionRequest(type, IsTranscript: submission.IsOral), CancellationToken.None);
            if (document.WordCoverage < WordCoverage.Required)
            {
                lost.Add($"{submission.File} {document.WordCoverage:P1}");
            }
        }

        Assert.IsEmpty(lost, string.Join("; ", lost));
    }

    [TestMethod]
    public void EveryReadableCorpusFileKeepsItsWords()
    {
        var corpus = CorpusFolder.Find(string.Empty);
        if (corpus is null || !Directory.Exists(Path.Combine(corpus, "pdf")))
        {
            Assert.Inconclusive("shared/corpus is not beside the work tree");
        }

        var lost = new List<string>();
        foreach (var path in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Where(p => !p.Contains("/ir/", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(path);
            if (DocumentTypeSniffer.Sniff(bytes) is not { } type)
            {
                continue;
            }

            var transcript = path.Contains("/transcripts/", StringComparison.Ordinal);
            ExtractedDocument document;
            try
            {
                document = new DocumentExtractor().Extract(bytes, new ExtractionRequest(type, IsTranscript: transcript, Ocr: false), CancellationToken.None);
            }
            catch (ExtractionFailedException)
            {
                continue; // a file that fails says why; it is not a silent loss
            }

            TestContext.WriteLine($"{Path.GetRelativePath(corpus, path)}: {document.WordCoverage:P1}");
            if (document.WordCoverage < WordCoverage.Required)
            {
                lost.Add($"{Path.GetRelativePath(corpus, path)} {document.WordCoverage:P1}");
            }
        }

        Assert.IsEmpty(lost, string.Join("; ", lost));
    }

    [TestMethod]
    public void ALossIsMeasuredAndWorded()
    {
        var layer = new[] { "The hearing resumed at two. The witness was recalled and sworn again." };
        var document = new ExtractedDocument(null, [new ExtractedPassage(null, null, "The hearing resumed at two.")], ExtractedDocument.NoMetadata);

        var coverage = WordCoverage.Measure(layer, document);

        Assert.IsLessThan(WordCoverage.Required, coverage);
        Assert.StartsWith("Only 41.6% of the words in this file are in its passages", WordCoverage.Warning(coverage));
        Assert.IsNull(WordCoverage.Warning(0.99));
    }

    [TestMethod]
    public void AHearingUploadedAsOralNeverEndsWithoutPassages()
    {
        // A hearing whose labels the parser does not know still keeps every word (read as written evidence).
        const string hearing = """
            UNKNOWN TRIBUNAL

            [Speaker 1] Good morning, everyone.

            [Speaker 2] Good morning, sir.
            """;

        var document = new DocumentExtractor().Extract(Encoding.UTF8.GetBytes(hearing), new ExtractionRequest(DocumentType.Text, IsTranscript: true), CancellationToken.None);

        Assert.HasCount(3, document.Passages);
        Assert.AreEqual(1.0, document.WordCoverage);
    }
}
