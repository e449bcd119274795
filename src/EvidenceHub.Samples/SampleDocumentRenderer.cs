using EvidenceHub.Samples.Pdf;
using EvidenceHub.Samples.Sources;
using EvidenceHub.Samples.Word;

namespace EvidenceHub.Samples;

/// <summary>Turns a sample's source text into the file the manifest names, in the manifest's layout.</summary>
public static class SampleDocumentRenderer
{
    /// <summary>The bytes of <see cref="SampleSubmission.File"/>: a PDF, a Word document or UTF-8 text.</summary>
    public static byte[] Render(SampleSubmission submission, string sourceMarkdown)
    {
        // A hearing's source is itself text with markup (front matter, labels, time stamps), not a document outline.
        if (submission.Layout is SampleLayout.HearingPdf)
        {
            return Hearings.HearingTranscriptWriter.WritePdf(submission, sourceMarkdown);
        }

        if (submission.Layout is SampleLayout.HearingText)
        {
            return Hearings.HearingTranscriptWriter.WriteText(sourceMarkdown);
        }

        var source = SourceDocument.Parse(sourceMarkdown);
        return submission.Layout switch
        {
            SampleLayout.PdfSingle or SampleLayout.PdfTwoColumn or SampleLayout.PdfReport or SampleLayout.TranscriptPdf
                => PdfSubmissionWriter.Write(submission, source),
            SampleLayout.DocxNumbered or SampleLayout.DocxPlain or SampleLayout.TranscriptDocx
                => DocxSubmissionWriter.Write(submission, source),
            SampleLayout.Txt or SampleLayout.TranscriptTxt => TextSubmissionWriter.Write(source),
            _ => throw new ArgumentOutOfRangeException(nameof(submission), submission.Layout, "Unknown layout."),
        };
    }
}
