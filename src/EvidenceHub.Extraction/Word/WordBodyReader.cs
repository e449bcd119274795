using System.Text;
using DocumentFormat.OpenXml;

namespace EvidenceHub.Extraction.Word;

/// <summary>
/// Walks block content (body, footnote, text box, cell) in document order and turns it into passages:
/// one per paragraph, one per table row. Reads what Word shows: insertions and field results, not
/// deletions or field codes; one branch of each AlternateContent; text boxes as passages of their own.
/// </summary>
internal sealed class WordBodyReader(WordListNumbering numbering, WordStyles styles, CancellationToken cancellationToken)
{
    private const int MaxHeadingLength = 200;
    private readonly List<WordParagraph> output = [];

    // A complex field may run over several paragraphs; its code part is never text.
    private readonly FieldState fields = new();

    public IReadOnlyList<WordParagraph> Paragraphs => output;

    public void ReadBlocks(OpenXmlElement container, PassageRole role)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child.LocalName)
            {
                case "p":
                    ReadParagraph(child, role);
                    break;
                case "tbl":
                    ReadTable(child);
                    break;
                case "sdt":
                    if (ShownContent(child) is { } content)
                    {
                        ReadBlocks(content, role);
                    }

                    break;
                case "AlternateContent":
                    if (ChosenBranch(child) is { } branch)
                    {
                        ReadBlocks(branch, role);
                    }

                    break;
                case "customXml" or "ins" or "moveTo" or "smartTag":
                    ReadBlocks(child, role);
                    break;
            }
        }
    }

    private void ReadParagraph(OpenXmlElement paragraph, PassageRole role)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var number = numbering.NextNumber(paragraph);
        var boxes = new List<OpenXmlElement>();
        var text = new StringBuilder();
        ReadInline(paragraph, text, boxes, fields);
        var styleId = paragraph.Child("pPr").ChildVal("pStyle") ?? styles.DefaultParagraphStyle;
        // Authors do type whole paragraphs in a heading style; a heading is short.
        if (role == PassageRole.Body && styles.IsHeading(styleId) && text.Length <= MaxHeadingLength)
        {
            role = PassageRole.Heading;
        }

        output.Add(new WordParagraph(number, text.ToString(), role));
        foreach (var box in boxes)
        {
            ReadBlocks(box, role == PassageRole.Footnote ? role : PassageRole.Body);
        }
    }

    private void ReadTable(OpenXmlElement table)
    {
        foreach (var row in Rows(table))
        {
            var cells = Cells(row).Select(CellText).ToList();
            if (cells.Any(c => c.Length > 0))
            {
                output.Add(new WordParagraph(null, string.Join(" | ", cells), PassageRole.Table));
            }
        }
    }

    private string CellText(OpenXmlElement cell)
    {
        // A cell is block content of its own; read it with a nested reader so its paragraphs (and
        // their list numbers, which must still be counted) fold into one cell string.
        var nested = new WordBodyReader(numbering, styles, cancellationToken);
        nested.ReadBlocks(cell, PassageRole.Table);
        return TextNormalizer.Clean(string.Join(' ', nested.output.Select(p => p.Number is null ? p.Text : p.Number + " " + p.Text)));
    }

    private static IEnumerable<OpenXmlElement> Rows(OpenXmlElement table) => Unwrap(table, "tr");

    private static IEnumerable<OpenXmlElement> Cells(OpenXmlElement row) => Unwrap(row, "tc");

    /// <summary>Rows and cells may sit inside content controls or custom XML; a deleted row is not shown.</summary>
    private static IEnumerable<OpenXmlElement> Unwrap(OpenXmlElement parent, string localName)
    {
        foreach (var child in parent.ChildElements)
        {
            if (child.LocalName == localName)
            {
                if (child.Child("trPr")?.Child("del") is null)
                {
                    yield return child;
                }
            }
            else if (child.LocalName is "sdt" or "customXml" or "sdtContent")
            {
                foreach (var inner in Unwrap(child, localName))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void ReadInline(OpenXmlElement element, StringBuilder text, List<OpenXmlElement> boxes, FieldState fields)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child.LocalName)
            {
                case "pPr" or "rPr" or "sdtPr" or "sdtEndPr" or "del" or "moveFrom" or "instrText" or "delText"
                    or "delInstrText" or "commentReference" or "footnoteReference" or "endnoteReference":
                    break;
                case "t" when WordXml.IsWord(child):
                    if (!fields.InCode)
                    {
                        text.Append(child.InnerText);
                    }

                    break;
                case "tab" or "ptab" or "br" or "cr" when WordXml.IsWord(child):
                    text.Append(' ');
                    break;
                case "noBreakHyphen":
                    text.Append('-');
                    break;
                case "fldChar":
                    fields.Mark(child.Attr("fldCharType"));
                    break;
                case "sdt":
                    if (ShownContent(child) is { } runs)
                    {
                        ReadInline(runs, text, boxes, fields);
                    }

                    break;
                case "txbxContent":
                    boxes.Add(child);
                    break;
                case "AlternateContent":
                    if (ChosenBranch(child) is { } branch)
                    {
                        ReadInline(branch, text, boxes, fields);
                    }

                    break;
                default:
                    ReadInline(child, text, boxes, fields);
                    break;
            }
        }
    }

    /// <summary>A content control still showing its placeholder ("Click here to enter text.") holds no evidence.</summary>
    private static OpenXmlElement? ShownContent(OpenXmlElement sdt) =>
        sdt.Child("sdtPr").ChildFlag("showingPlcHdr") ? null : sdt.Child("sdtContent");

    /// <summary>
    /// Word writes a text box twice: as DrawingML in mc:Choice and as VML in mc:Fallback. Read the
    /// Choice only, unless it holds no text at all.
    /// </summary>
    private static OpenXmlElement? ChosenBranch(OpenXmlElement alternateContent)
    {
        var choice = alternateContent.Child("Choice");
        var fallback = alternateContent.Child("Fallback");
        if (choice is not null && (choice.InnerText.Length > 0 || fallback is null || fallback.InnerText.Length == 0))
        {
            return choice;
        }

        return fallback;
    }

    /// <summary>Complex fields: text between "begin" and "separate" is the field code, after it the result.</summary>
    private sealed class FieldState
    {
        private readonly Stack<bool> inCode = new();

        public bool InCode => inCode.Contains(true);

        public void Mark(string? type)
        {
            switch (type)
            {
                case "begin":
                    inCode.Push(true);
                    break;
                case "separate" when inCode.Count > 0:
                    inCode.Pop();
                    inCode.Push(false);
                    break;
                case "end" when inCode.Count > 0:
                    inCode.Pop();
                    break;
            }
        }
    }
}

/// <summary>A paragraph as Word shows it: the list number (as displayed, e.g. <c>4.2.</c>) and the text.</summary>
internal sealed record WordParagraph(string? Number, string Text, PassageRole Role);
