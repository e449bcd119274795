using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EvidenceHub.Samples.Hearings;

/// <summary>
/// A public-inquiry hearing, written in its source as text with light markup (YAML front matter, <c>## </c>
/// headings, <c>**MR X**:</c> labels, <c>**Q.**</c> / <c>**A.**</c>, <c>*(10.00 am)*</c>): as that text itself
/// (<see cref="SampleLayout.HearingText"/>), or printed the way inquiries print transcripts
/// (<see cref="SampleLayout.HearingPdf"/>): Courier, 25 numbered lines a page, a running header with the date,
/// labels in capitals, headings centred, the page number at the foot.
/// </summary>
internal static partial class HearingTranscriptWriter
{
    const int LinesPerPage = 25;
    const int Columns = 60;
    const double Size = 11;
    const double CharWidth = Size * 0.6;
    const double TextLeft = 92;
    const double NumberRight = 74;
    const double FirstBaseline = 742;
    const double LineStep = 26;

    [GeneratedRegex(@"^\*\*(?<label>[^*]+?)\*\*:?\s*(?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"^\*(?<text>\(.+\))\*$")]
    private static partial Regex Bracketed();

    public static byte[] WriteText(string source) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(source.Replace("\r\n", "\n"));

    public static byte[] WritePdf(SampleSubmission submission, string source)
    {
        var lines = PrintedLines(submission, source);
        var builder = new PdfDocumentBuilder();
        var courier = builder.AddStandard14Font(Standard14Font.Courier);
        var header = $"Levelling up and 'left behind' neighbourhoods      {Date(submission)}";
        var pages = (lines.Count + LinesPerPage - 1) / LinesPerPage;
        for (var number = 1; number <= pages; number++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText(header, 9, new PdfPoint(TextLeft, 800), courier);
            var onPage = lines.Skip((number - 1) * LinesPerPage).Take(LinesPerPage).ToList();
            for (var i = 0; i < onPage.Count; i++)
            {
                var baseline = FirstBaseline - i * LineStep;
                var label = (i + 1).ToString(CultureInfo.InvariantCulture);
                page.AddText(label, Size, new PdfPoint(NumberRight - label.Length * CharWidth, baseline), courier);
                if (onPage[i].Text.Length > 0)
                {
                    page.AddText(onPage[i].Text, Size, new PdfPoint(TextLeft + onPage[i].Indent * CharWidth, baseline), courier);
                }
            }

            var folio = number.ToString(CultureInfo.InvariantCulture);
            page.AddText(folio, 9, new PdfPoint(297 - folio.Length * 2.7, 50), courier);
        }

        return builder.Build();
    }

    private sealed record PrintedLine(string Text, int Indent);

    private static string Date(SampleSubmission submission) =>
        submission.ReceivedOn.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The hearing as printed lines: the date, then each block wrapped to the page's width.</summary>
    private static List<PrintedLine> PrintedLines(SampleSubmission submission, string source)
    {
        var lines = new List<PrintedLine> { Centred(Date(submission)) };
        foreach (var block in Blocks(source))
        {
            if (block.StartsWith("# ", StringComparison.Ordinal))
            {
                continue; // the title is the running header's
            }

            if (block.StartsWith("## ", StringComparison.Ordinal))
            {
                lines.Add(Centred(block[3..].Trim()));
            }
            else if (Bracketed().Match(block) is { Success: true } stage)
            {
                lines.Add(new PrintedLine(stage.Groups["text"].Value, 0));
            }
            else if (Labelled().Match(block) is { Success: true } turn)
            {
                var label = turn.Groups["label"].Value.Trim();
                var printedLabel = label is "Q." or "A." ? label : label.ToUpperInvariant() + ":";
                lines.AddRange(Wrap(printedLabel + " " + turn.Groups["text"].Value.Trim(), 0, 4));
            }
            else
            {
                lines.AddRange(Wrap(block, 8, 4));
            }
        }

        return lines;
    }

    /// <summary>The blocks after the front matter, each one paragraph on one line.</summary>
    private static IEnumerable<string> Blocks(string source)
    {
        var text = source.Replace("\r\n", "\n");
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        }

        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(b => string.Join(' ', b.Split('\n', StringSplitOptions.TrimEntries)));
    }

    private static PrintedLine Centred(string text) => new(text, Math.Max(0, (Columns - text.Length) / 2));

    private static IEnumerable<PrintedLine> Wrap(string text, int firstIndent, int indent)
    {
        var line = new StringBuilder();
        var lineIndent = firstIndent;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && lineIndent + line.Length + 1 + word.Length > Columns)
            {
                yield return new PrintedLine(line.ToString(), lineIndent);
                line.Clear();
                lineIndent = indent;
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return new PrintedLine(line.ToString(), lineIndent);
        }
    }
}
