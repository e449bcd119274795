using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EvidenceHub.Extraction.Tests.Word;

/// <summary>Builds small Word files in memory with the Open XML SDK, from WordprocessingML fragments.</summary>
internal static class TestDocx
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string Namespaces =
        "xmlns:w=\"" + W + "\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "mc:Ignorable=\"wps\"";

    public static byte[] Create(string bodyXml, string? numberingXml = null, string? stylesXml = null,
        string? footnotesXml = null, string? headerText = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document($"<w:document {Namespaces}><w:body>{bodyXml}</w:body></w:document>");
            if (numberingXml is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering($"<w:numbering {Namespaces}>{numberingXml}</w:numbering>");
            }

            if (stylesXml is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles($"<w:styles {Namespaces}>{stylesXml}</w:styles>");
            }

            if (footnotesXml is not null)
            {
                main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes($"<w:footnotes {Namespaces}>{footnotesXml}</w:footnotes>");
            }

            if (headerText is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header($"<w:hdr {Namespaces}>{Paragraph(headerText)}</w:hdr>");
            }
        }

        return stream.ToArray();
    }

    public static string Paragraph(string text, string properties = "") =>
        $"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    public static string ListParagraph(string text, int numId, int level = 0) =>
        Paragraph(text, $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr>");

    public static string Level(int ilvl, string format, string text, int start = 1, string? style = null) =>
        $"<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/>"
        + (style is null ? string.Empty : $"<w:pStyle w:val=\"{style}\"/>")
        + $"<w:lvlText w:val=\"{text}\"/></w:lvl>";

    public static ExtractedDocument Extract(byte[] docx, bool isTranscript = false) =>
        new DocumentExtractor().Extract(docx, new ExtractionRequest(DocumentType.Docx, isTranscript), CancellationToken.None);
}
