using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Samples.Sources;

namespace EvidenceHub.Samples.Word;

/// <summary>
/// Writes Word files: <c>docx-numbered</c> with automatic list numbering and real footnotes,
/// <c>docx-plain</c> with typed labels, and transcripts with each speaker in bold.
/// </summary>
internal static class DocxSubmissionWriter
{
    public static byte[] Write(SampleSubmission submission, SourceDocument source)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using (var styles = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(WordStyles.Xml)))
            {
                main.AddNewPart<StyleDefinitionsPart>().FeedData(styles);
            }

            var numbered = submission.Layout == SampleLayout.DocxNumbered;
            var footnotes = numbered && source.Footnotes.Count > 0 ? new WordFootnotes(main, source.Footnotes) : null;
            var numbering = numbered ? new WordNumbering() : null;
            if (numbered)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = WordNumbering.Definitions();
            }

            var body = new Body(Styled("Title", new Run(new Text(source.Title))));
            foreach (var block in source.Blocks)
            {
                body.Append(block switch
                {
                    { Kind: SourceBlockKind.Heading } => Styled("Heading1", new Run(new Text(block.Text))),
                    _ when submission.Layout == SampleLayout.TranscriptDocx => Turn(block.Text),
                    _ => WrittenParagraph(block, numbering, footnotes),
                });
            }
            if (footnotes is null && source.Footnotes.Count > 0)
            {
                body.Append(Styled("Heading1", new Run(new Text("Notes"))));
                foreach (var note in source.Footnotes)
                {
                    body.Append(Styled("FootnoteText", TextRun($"[{note.Id}] {note.Text}")));
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 708, Footer = 708 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    static Paragraph WrittenParagraph(SourceBlock block, WordNumbering? numbering, WordFootnotes? footnotes)
    {
        var runs = footnotes?.Runs(block.Text) ?? [TextRun(SourceDocument.WithBracketedMarkers(block.Text))];
        if (block.Label is null)
        {
            return new Paragraph(runs);
        }

        if (numbering?.LevelFor(block.Label) is { } level)
        {
            return new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = "ListParagraph" },
                    new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = WordNumbering.NumberingId })))
                .AppendRuns(runs);
        }

        return new Paragraph(
            new ParagraphProperties(new Indentation { Left = "720", Hanging = "720" }),
            TextRun(block.Label),
            new Run(new TabChar())).AppendRuns(runs);
    }

    static Paragraph Turn(string paragraph)
    {
        var (speaker, text) = TranscriptTurn.Split(paragraph);
        return speaker is null
            ? new Paragraph(TextRun(paragraph))
            : new Paragraph(new Run(new RunProperties(new Bold()), new Text(speaker)), TextRun(" " + text));
    }

    static Paragraph Styled(string styleId, params OpenXmlElement[] content) =>
        new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = styleId }) }.Concat(content));

    static Paragraph AppendRuns(this Paragraph paragraph, IEnumerable<Run> runs)
    {
        paragraph.Append(runs);
        return paragraph;
    }

    internal static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
