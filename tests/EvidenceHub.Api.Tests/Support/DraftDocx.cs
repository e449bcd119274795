using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// A draft report as Word writes one: paragraphs whose <c>[^text]</c> markers become real footnotes
/// (a footnote reference in the body, the text in the footnotes part), and a paragraph starting
/// <c>&gt;</c> in Word's Quote style (a block quotation).
/// </summary>
public static partial class DraftDocx
{
    public static byte[] Build(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var body = new Body();
            var next = 1;
            foreach (var raw in paragraphs)
            {
                var paragraph = new Paragraph();
                var text = raw;
                if (text.StartsWith('>'))
                {
                    paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }));
                    text = text[1..].TrimStart();
                }

                var at = 0;
                foreach (Match m in FootnoteMarker().Matches(text))
                {
                    paragraph.Append(TextRun(text[at..m.Index]));
                    var id = next++;
                    footnotes.Append(new Footnote(new Paragraph(
                        new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
                        TextRun(" " + m.Groups["note"].Value)))
                    { Id = id });
                    paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id }));
                    at = m.Index + m.Length;
                }

                paragraph.Append(TextRun(text[at..]));
                body.Append(paragraph);
            }

            main.Document = new Document(body);
            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
        }

        return stream.ToArray();
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    [GeneratedRegex(@"\[\^(?<note>[^\]\[]*(?:\[[^\]]*\][^\]\[]*)*)\]")]
    private static partial Regex FootnoteMarker();
}
