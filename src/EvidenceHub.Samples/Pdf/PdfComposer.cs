using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EvidenceHub.Samples.Pdf;

/// <summary>How pages look: columns, body size, an optional running header and page-number footer.</summary>
internal sealed record PdfPageDesign(int Columns, double BodySize, string? RunningHeader, bool PageNumbers);

/// <summary>A word and whether it is set in bold.</summary>
internal readonly record struct StyledWord(string Text, bool Bold);

/// <summary>
/// Flows text down columns and pages of A4 in standard-14 Helvetica, wrapping lines by measured glyph widths.
/// Paragraphs run on to the next column or page where they do not fit.
/// </summary>
internal sealed class PdfComposer
{
    const double Margin = 62;
    const double Gutter = 22;
    const double HeaderBand = 22;
    const double FooterBand = 16;

    readonly PdfDocumentBuilder builder = new();
    readonly PdfDocumentBuilder.AddedFont regular;
    readonly PdfDocumentBuilder.AddedFont bold;
    readonly PdfPageDesign design;
    readonly Dictionary<(string, bool, double), double> widths = [];
    PdfPageBuilder page;
    int pageNumber;
    int column;
    double columnTop;
    double y;

    public PdfComposer(PdfPageDesign design)
    {
        this.design = design;
        regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        page = NewPage();
    }

    double PageWidth => page.PageSize.Width;
    double PageHeight => page.PageSize.Height;
    double Top => PageHeight - Margin - (design.RunningHeader is null ? 0 : HeaderBand);
    double Bottom => Margin + (design.PageNumbers ? FooterBand : 0);
    double ColumnWidth => (PageWidth - 2 * Margin - Gutter * (design.Columns - 1)) / design.Columns;
    double ColumnLeft => Margin + column * (ColumnWidth + Gutter);
    bool AtColumnTop => y >= columnTop;

    /// <summary>A full-width block (a title) above the columns on the current page.</summary>
    public void WriteFullWidth(string text, double size, bool isBold)
    {
        var lines = Wrap(Words(text, isBold), size, PageWidth - 2 * Margin);
        foreach (var line in lines)
        {
            y -= size * 1.3;
            DrawLine(line, Margin, y, size);
        }
        y -= size * 0.8;
        columnTop = y;
    }

    public void WriteHeading(string text)
    {
        var size = design.BodySize + 1.5;
        if (y - size * 1.3 * 3 < Bottom)
        {
            NextColumn();
        }

        if (!AtColumnTop)
        {
            y -= size * 0.5;
        }

        WriteLines(Wrap(Words(text, true), size, ColumnWidth), size, 0, null);
        y -= size * 0.3;
    }

    /// <summary>A paragraph; a label hangs in the left margin of the text when <paramref name="hangingIndent"/> is set.</summary>
    public void WriteParagraph(IReadOnlyList<StyledWord> words, string? label, double hangingIndent, double? size = null)
    {
        var fontSize = size ?? design.BodySize;
        var indent = label is null ? 0 : hangingIndent;
        if (label is not null && hangingIndent == 0)
        {
            words = [new StyledWord(label, false), .. words];
        }

        WriteLines(Wrap(words, fontSize, ColumnWidth - indent), fontSize, indent, hangingIndent > 0 ? label : null);
        y -= fontSize * 0.75;
    }

    public byte[] Build() => builder.Build();

    public static IReadOnlyList<StyledWord> Words(string text, bool isBold) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => new StyledWord(word, isBold)).ToList();

    void WriteLines(List<List<StyledWord>> lines, double size, double indent, string? hangingLabel)
    {
        var leading = size * 1.3;
        for (var i = 0; i < lines.Count; i++)
        {
            if (y - leading < Bottom)
            {
                NextColumn();
            }

            y -= leading;
            if (i == 0 && hangingLabel is not null)
            {
                page.AddText(hangingLabel, size, new PdfPoint(ColumnLeft, y), regular);
            }

            DrawLine(lines[i], ColumnLeft + indent, y, size);
        }
    }

    void DrawLine(List<StyledWord> line, double x, double baseline, double size)
    {
        foreach (var run in Runs(line))
        {
            var text = string.Join(' ', run.Select(word => word.Text));
            page.AddText(text, size, new PdfPoint(x, baseline), run[0].Bold ? bold : regular);
            x += Width(text, run[0].Bold, size) + Width(" ", false, size);
        }
    }

    static IEnumerable<List<StyledWord>> Runs(List<StyledWord> line)
    {
        var run = new List<StyledWord>();
        foreach (var word in line)
        {
            if (run.Count > 0 && run[0].Bold != word.Bold) { yield return run; run = []; }
            run.Add(word);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    List<List<StyledWord>> Wrap(IReadOnlyList<StyledWord> words, double size, double width)
    {
        var lines = new List<List<StyledWord>>();
        var line = new List<StyledWord>();
        var lineWidth = 0.0;
        var space = Width(" ", false, size);
        foreach (var word in words)
        {
            var wordWidth = Width(word.Text, word.Bold, size);
            if (line.Count > 0 && lineWidth + space + wordWidth > width)
            {
                lines.Add(line);
                line = [];
                lineWidth = 0;
            }
            lineWidth += (line.Count > 0 ? space : 0) + wordWidth;
            line.Add(word);
        }
        if (line.Count > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    double Width(string text, bool isBold, double size)
    {
        if (widths.TryGetValue((text, isBold, size), out var known))
        {
            return known;
        }
        // A lone space has no visible glyph box, so measure it as the advance between two letters.
        if (text == " ")
        {
            return widths[(text, isBold, size)] = Width("x x", isBold, size) - 2 * Width("x", isBold, size);
        }

        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), isBold ? bold : regular);
        var width = letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        return widths[(text, isBold, size)] = width;
    }

    void NextColumn()
    {
        column++;
        if (column >= design.Columns)
        {
            page = NewPage();
        }
        else
        {
            y = columnTop;
        }
    }

    PdfPageBuilder NewPage()
    {
        page = builder.AddPage(PageSize.A4);
        pageNumber++;
        column = 0;
        y = columnTop = Top;
        if (design.RunningHeader is { } header)
        {
            page.AddText(header, 8.5, new PdfPoint(Margin, PageHeight - Margin + 6), regular);
            page.DrawLine(new PdfPoint(Margin, PageHeight - Margin + 1), new PdfPoint(PageWidth - Margin, PageHeight - Margin + 1), 0.5);
        }
        if (design.PageNumbers)
        {
            var footer = $"Page {pageNumber}";
            page.AddText(footer, 8.5, new PdfPoint((PageWidth - Width(footer, false, 8.5)) / 2, Margin - 18), regular);
        }
        return page;
    }
}
