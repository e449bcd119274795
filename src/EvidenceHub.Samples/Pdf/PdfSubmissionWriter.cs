using System.Globalization;
using EvidenceHub.Samples.Sources;

namespace EvidenceHub.Samples.Pdf;

/// <summary>Writes written evidence and transcripts as A4 PDFs in the manifest's layout.</summary>
internal static class PdfSubmissionWriter
{
    const double LabelIndent = 34;

    public static byte[] Write(SampleSubmission submission, SourceDocument source)
    {
        var design = submission.Layout switch
        {
            SampleLayout.PdfSingle => new PdfPageDesign(1, 11, null, false),
            SampleLayout.PdfTwoColumn => new PdfPageDesign(2, 9.5, null, true),
            SampleLayout.PdfReport => new PdfPageDesign(1, 11, $"{submission.DisplayName}: Written evidence", true),
            SampleLayout.TranscriptPdf => new PdfPageDesign(1, 10.5, RunningHeader(submission, source), true),
            _ => throw new ArgumentOutOfRangeException(nameof(submission), submission.Layout, "Not a PDF layout."),
        };
        var composer = new PdfComposer(design);
        composer.WriteFullWidth(source.Title, 15, isBold: true);

        var transcript = submission.Layout == SampleLayout.TranscriptPdf;
        var indent = submission.Layout == SampleLayout.PdfTwoColumn ? 0 : LabelIndent;
        foreach (var block in source.Blocks)
        {
            if (block.Kind == SourceBlockKind.Heading)
            {
                composer.WriteHeading(block.Text);
            }
            else if (transcript)
            {
                composer.WriteParagraph(TurnWords(block.Text), null, 0);
            }
            else
            {
                composer.WriteParagraph(PdfComposer.Words(SourceDocument.WithBracketedMarkers(block.Text), false), block.Label, indent);
            }
        }

        if (source.Footnotes.Count > 0)
        {
            composer.WriteHeading("Notes");
            foreach (var note in source.Footnotes)
            {
                composer.WriteParagraph(PdfComposer.Words($"[{note.Id}] {note.Text}", false), null, 0, design.BodySize - 1.5);
            }
        }
        return composer.Build();
    }

    static string RunningHeader(SampleSubmission submission, SourceDocument source) =>
        $"{source.Title}, {submission.ReceivedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    static IReadOnlyList<StyledWord> TurnWords(string paragraph)
    {
        var (speaker, text) = TranscriptTurn.Split(paragraph);
        return speaker is null
            ? PdfComposer.Words(paragraph, false)
            : [.. PdfComposer.Words(speaker, true), .. PdfComposer.Words(text, false)];
    }
}
