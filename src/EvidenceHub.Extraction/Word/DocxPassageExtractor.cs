using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace EvidenceHub.Extraction.Word;

/// <summary>
/// Reads a Word (DOCX) file with the Open XML SDK: body paragraphs with the list numbers Word shows,
/// tables row by row, text boxes and content controls, then footnotes and endnotes. Headers and
/// footers are not evidence and are skipped.
/// </summary>
public sealed class DocxPassageExtractor : IDocumentExtractor, ILineSource, ITextLayerSource
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken) =>
        ExtractWithTextLayer(content, request, cancellationToken).Document;

    /// <summary>The text layer is every paragraph read (body, tables, text boxes, notes) with the numbers Word shows.</summary>
    public TextLayerDocument ExtractWithTextLayer(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var paragraphs = ReadParagraphs(content, request, cancellationToken);
        var passages = paragraphs
            .Select(ToPassage)
            .Where(p => p.Text.Length > 0)
            .ToList();
        return new TextLayerDocument(new ExtractedDocument(null, passages, ExtractedDocument.NoMetadata), paragraphs.Select(p => p.Text).ToList());
    }

    /// <summary>One line per Word paragraph, list number in front as Word shows it (a transcript's "Q12" may be one).</summary>
    public SourceLines ReadLines(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var lines = ReadParagraphs(content, request, cancellationToken)
            .Where(p => p.Role != PassageRole.Footnote)
            .Select(p => new SourceLine(null, TextNormalizer.Clean(p.Number is null ? p.Text : p.Number + " " + p.Text), true,
                IsHeading: p.Role == PassageRole.Heading))
            .Where(l => l.Text.Length > 0)
            .ToList();
        return new SourceLines(null, lines);
    }

    private static ExtractedPassage ToPassage(WordParagraph paragraph)
    {
        if (paragraph.Role == PassageRole.Table || paragraph.Number is null)
        {
            return PassageBuilder.FromParagraph(paragraph.Text, page: null, paragraph.Role);
        }

        var label = paragraph.Number.TrimEnd('.', ' ');
        return new ExtractedPassage(null, label.Length > 0 ? label : null, TextNormalizer.Clean(paragraph.Text), Role: paragraph.Role);
    }

    private static IReadOnlyList<WordParagraph> ReadParagraphs(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        if (content.AsSpan().StartsWith(OleMagic))
        {
            throw new ExtractionFailedException(ExtractionFailureKind.NeedsPassword,
                "The Word file is password-protected (encrypted), so its text cannot be read. "
                + "Open it in Word, remove the password, save it and upload it again.");
        }

        ZipSizeGuard.Check(content, request.MaxUncompressedBytes);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body
                ?? throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                    "The Word file has no document body, so it is damaged or not a Word document.");

            var styles = new WordStyles(main!.StyleDefinitionsPart?.Styles);
            var numbering = new WordListNumbering(main.NumberingDefinitionsPart?.Numbering, styles);
            var reader = new WordBodyReader(numbering, styles, cancellationToken);
            reader.ReadBlocks(body, PassageRole.Body);
            ReadNotes(reader, main.FootnotesPart?.Footnotes);
            ReadNotes(reader, main.EndnotesPart?.Endnotes);
            return reader.Paragraphs;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException
            or XmlException or IOException or InvalidOperationException)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                "The Word file is damaged and could not be opened.", ex);
        }
    }

    /// <summary>Separator "notes" are the line above the footnotes, not text.</summary>
    private static void ReadNotes(WordBodyReader reader, OpenXmlElement? notes)
    {
        if (notes is null)
        {
            return;
        }

        foreach (var note in notes.ChildElements.Where(n => n.LocalName is "footnote" or "endnote"))
        {
            if (note.Attr("type") is null or "normal")
            {
                reader.ReadBlocks(note, PassageRole.Footnote);
            }
        }
    }
}
