using System.Text;
using EvidenceHub.Extraction.Isolation;

namespace EvidenceHub.Extraction.Tests.Core;

/// <summary>
/// The extraction child's side of the wire, run on streams: what the server's pool reads back from a real child
/// process. (The process itself, its limits and its deaths are tested through the API.)
/// Not in parallel: a child process serves one file at a time, and its out-of-memory watch is process-wide.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ExtractionChildTests
{
    [TestMethod]
    public void TheChildSaysHelloThenAnswersEachRequestInTurnUntilItsInputCloses()
    {
        var answers = Serve(new DocumentExtractor(),
            (new ExtractionRequest(DocumentType.Text), Encoding.UTF8.GetBytes("1. Funding for Łódź and Zürich.\n\n2. Ten years.")),
            (new ExtractionRequest(DocumentType.Pdf), "%PDF-1.7\nnot really a PDF"u8.ToArray()));

        Assert.HasCount(2, answers);
        var document = answers[0].Document!;
        Assert.AreSequenceEqual(new[] { "Funding for Łódź and Zürich.", "Ten years." }, document.Passages.Select(p => p.Text).ToArray());
        Assert.AreSequenceEqual(new[] { "1", "2" }, document.Passages.Select(p => p.Paragraph).ToArray());
        Assert.IsNull(answers[1].Document);
        Assert.AreEqual(ExtractionFailureKind.CorruptFile, answers[1].Failure);
        Assert.Contains("damaged", answers[1].Message!);
    }

    [TestMethod]
    public void EveryPartOfADocumentCrossesTheWireUnchanged()
    {
        var sent = new ExtractedDocument(3,
            [
                new ExtractedPassage(1, "4.2", "Text with a lone \uD800 surrogate, \"quotes\" and \u00e9."),
                new ExtractedPassage(2, null, "A turn.", "Q12", "Simon Kaye", PassageRole.Footnote),
            ],
            new Dictionary<string, string> { ["ocrPages"] = "2,3" });

        var received = Serve(new FixedExtractor(() => sent), (new ExtractionRequest(DocumentType.Pdf), [1])).Single().Document!;

        Assert.AreEqual(sent.PageCount, received.PageCount);
        // A lone surrogate is not text (UTF-8 cannot carry it, nor could the database): it arrives as U+FFFD.
        Assert.AreEqual(sent.Passages[0] with { Text = sent.Passages[0].Text.Replace('\uD800', '\uFFFD') }, received.Passages[0]);
        Assert.AreEqual(sent.Passages[1], received.Passages[1]);
        Assert.AreEqual("2,3", received.Metadata["ocrPages"]);
    }

    [TestMethod]
    public void AParserThatSwallowsAnOutOfMemoryStillFailsTheFileAsOutOfMemory()
    {
        var partial = new ExtractedDocument(1, [new ExtractedPassage(1, null, "Only the start of the file.")], ExtractedDocument.NoMetadata);
        var extractor = new FixedExtractor(() =>
        {
            try
            {
                throw new OutOfMemoryException();
            }
            catch (OutOfMemoryException)
            {
                return partial; // as PdfPig does: the page that ran out is read as empty
            }
        });

        var answer = Serve(extractor, (new ExtractionRequest(DocumentType.Pdf), [1])).Single();

        Assert.IsTrue(answer.RanOutOfMemory);
        Assert.IsNull(answer.Document);
        Assert.AreEqual(ExtractionFailureKind.TooLarge, answer.Failure);
    }

    [TestMethod]
    public void AnUnforeseenParserErrorIsAPlainReasonNotAnExceptionText()
    {
        var answer = Serve(new FixedExtractor(() => throw new IndexOutOfRangeException("at UglyToad.PdfPig…")),
            (new ExtractionRequest(DocumentType.Pdf), [1])).Single();

        Assert.AreEqual(ExtractionFailureKind.CorruptFile, answer.Failure);
        Assert.DoesNotContain("UglyToad", answer.Message!);
        Assert.Contains("may be damaged", answer.Message!);
    }

    private static List<ExtractionAnswer> Serve(IDocumentExtractor extractor, params (ExtractionRequest Request, byte[] Content)[] requests)
    {
        var input = new MemoryStream();
        foreach (var (request, content) in requests)
        {
            ExtractionWire.Write(input, ExtractionWire.Serialize(request));
            ExtractionWire.Write(input, content);
        }

        input.Position = 0;
        var output = new MemoryStream();
        Assert.AreEqual(0, ExtractionChild.Serve(input, output, extractor));

        output.Position = 0;
        Assert.AreSequenceEqual(ExtractionWire.Hello.ToArray(), ExtractionWire.Read(output)!);
        var answers = new List<ExtractionAnswer>();
        while (ExtractionWire.Read(output) is { } answer)
        {
            answers.Add(ExtractionWire.DeserializeAnswer(answer));
        }

        return answers;
    }

    private sealed class FixedExtractor(Func<ExtractedDocument> read) : IDocumentExtractor
    {
        public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken) => read();
    }
}
