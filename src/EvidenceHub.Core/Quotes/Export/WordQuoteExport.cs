using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>
/// A Word document whose citations are real footnotes: a footnotes part with the separator and
/// continuation-separator footnotes Word and LibreOffice expect, and a footnote reference after each quote.
/// </summary>
public static class WordQuoteExport
{
    // Word numbers its two separator footnotes -1 and 0; real footnotes start at 1.
    private const int SeparatorId = -1;
    private const int ContinuationSeparatorId = 0;

    public static byte[] Write(QuoteExport export)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var footnotes = new Footnotes(
                SeparatorFootnote(SeparatorId, FootnoteEndnoteValues.Separator, new SeparatorMark()),
                SeparatorFootnote(ContinuationSeparatorId, FootnoteEndnoteValues.ContinuationSeparator, new ContinuationSeparatorMark()));
            var body = new Body(Paragraph("Title", export.Title));
            var next = 1;
            foreach (var section in export.Sections)
            {
                if (export.Sections.Count > 1 || section.Name != export.Title)
                {
                    body.Append(Paragraph("Heading1", section.Name));
                }

                foreach (var quote in section.Quotes)
                {
                    var id = next++;
                    footnotes.Append(Footnote(id, quote.Citation));
                    body.Append(new Paragraph(
                        new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }),
                        TextRun(QuoteExport.Text(quote)),
                        new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id })));
                    if (!string.IsNullOrWhiteSpace(quote.Quote.Note))
                    {
                        body.Append(Paragraph("QuoteNote", quote.Quote.Note));
                    }
                }
            }

            body.Append(Paragraph("Heading1", QuoteExport.BibliographyHeading));
            foreach (var entry in export.Bibliography)
            {
                body.Append(Paragraph("Bibliography", entry));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
        }

        return stream.ToArray();
    }

    private static Footnote SeparatorFootnote(int id, FootnoteEndnoteValues type, OpenXmlElement mark) =>
        new(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new Run(mark)))
        { Type = type, Id = id };

    private static Footnote Footnote(int id, string citation) =>
        new(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
            new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
            TextRun(" " + citation + ".")))
        { Id = id };

    private static Paragraph Paragraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    private static Run TextRun(string text) =>
        new(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>XML 1.0 cannot carry most control characters; a stray one in extracted text would corrupt the file.</summary>
    private static string XmlSafe(string text) =>
        string.Concat(text.Where(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)));

    private static void AddSettings(MainDocumentPart main) =>
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new FootnoteDocumentWideProperties(
                new FootnoteSpecialReference { Id = SeparatorId },
                new FootnoteSpecialReference { Id = ContinuationSeparatorId }));

    private static void AddStyles(MainDocumentPart main) =>
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            ParagraphStyle("Normal", "Normal", null, new StyleRunProperties(new FontSize { Val = "22" }), isDefault: true),
            ParagraphStyle("Title", "Title", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "36" })),
            ParagraphStyle("Heading1", "heading 1", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "28" })),
            ParagraphStyle("Quote", "Quote", "Normal", new StyleRunProperties(new Italic())),
            ParagraphStyle("QuoteNote", "Quote note", "Normal", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "18" })),
            ParagraphStyle("Bibliography", "Bibliography", "Normal", null),
            ParagraphStyle("FootnoteText", "footnote text", "Normal", new StyleRunProperties(new FontSize { Val = "18" })),
            new Style(
                new StyleName { Val = "footnote reference" },
                new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
            { Type = StyleValues.Character, StyleId = "FootnoteReference" });

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleRunProperties? run, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new StyleParagraphProperties(new SpacingBetweenLines { After = "160" }));
        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
