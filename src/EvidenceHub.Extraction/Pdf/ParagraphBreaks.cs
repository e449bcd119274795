using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Decides where paragraphs start from layout: a wider gap than the document's usual line spacing, a first-line
/// indent after a line that ended a sentence, a change of font size, or a paragraph label. Across a column or page
/// break a paragraph carries on unless the previous line ended a sentence.
/// </summary>
internal static partial class ParagraphBreaks
{
    [GeneratedRegex(@"[.!?][""'”’)\]]*$")]
    private static partial Regex EndsSentence();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex BareNumber();

    public static IReadOnlyList<SourceLine> Mark(IReadOnlyList<PdfLayoutLine> lines)
    {
        var usualSpacing = UsualSpacing(lines);
        var result = new List<SourceLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            result.Add(new SourceLine(lines[i].Page, lines[i].Text, i == 0 || Starts(lines[i - 1], lines[i], usualSpacing)));
        }

        return result;
    }

    private static bool Starts(PdfLayoutLine previous, PdfLayoutLine line, double usualSpacing)
    {
        var previousEndsSentence = EndsSentence().IsMatch(previous.Text);
        if (ParagraphLabel.TrySplit(line.Text, out var label, out _))
        {
            // "12 Members replied" after a wrapped line is text, not paragraph 12; "4.2", "3(a)", "(iv)" always are labels.
            if (!BareNumber().IsMatch(label) || previousEndsSentence || previous.Text.EndsWith(':'))
            {
                return true;
            }
        }

        var size = Math.Max(line.FontSize, 1);
        if (Math.Abs(line.FontSize - previous.FontSize) > 0.15 * Math.Max(line.FontSize, previous.FontSize))
        {
            return true;
        }

        var flowsDown = line.Page == previous.Page && line.Column == previous.Column && line.Baseline < previous.Baseline
            && line.Left < previous.Right && line.Right > previous.Left;
        if (!flowsDown)
        {
            return previousEndsSentence && !StartsLowercase(line.Text);
        }

        var spacing = (previous.Baseline - line.Baseline) / size;
        if (spacing > usualSpacing * 1.3)
        {
            return true;
        }

        return line.Left > previous.Left + 0.8 * size && previousEndsSentence;
    }

    private static bool StartsLowercase(string text) => text.Length > 0 && char.IsLower(text[0]);

    /// <summary>Median baseline-to-baseline distance, in font sizes, between lines that follow each other in a column.</summary>
    private static double UsualSpacing(IReadOnlyList<PdfLayoutLine> lines)
    {
        var spacings = lines.Zip(lines.Skip(1))
            .Where(p => p.First.Page == p.Second.Page && p.First.Column == p.Second.Column && p.Second.FontSize > 0)
            .Select(p => (p.First.Baseline - p.Second.Baseline) / p.Second.FontSize)
            .Where(s => s is > 0.5 and < 4)
            .Order()
            .ToList();
        return spacings.Count > 0 ? spacings[(spacings.Count - 1) / 2] : 1.2;
    }
}
