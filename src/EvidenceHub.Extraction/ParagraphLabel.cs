using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction;

/// <summary>
/// The author's own paragraph number at the start of a paragraph: <c>1</c>, <c>1.1</c>, <c>12.</c>,
/// <c>3(a)</c>, <c>(iv)</c>, <c>(b)</c>. Returned without the trailing dot.
/// </summary>
public static partial class ParagraphLabel
{
    // A label must be followed by white space and then something that starts a sentence, so that
    // "12 councils replied" is not mistaken for paragraph 12.
    [GeneratedRegex(
        @"^\s*(?<label>\d{1,3}(?:\.\d{1,3}){0,3}(?:\([a-z]{1,4}\))?|\([ivxlc]{1,6}\)|\([a-z]\)|\(\d{1,3}\))\.?(?:\s+|\t)(?=[\p{Lu}\p{N}""'“‘(\[])",
        RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    public static bool TrySplit(string paragraph, out string label, out string rest)
    {
        var match = LabelPattern().Match(paragraph);
        if (!match.Success)
        {
            label = string.Empty;
            rest = paragraph;
            return false;
        }

        label = match.Groups["label"].Value;
        rest = paragraph[match.Length..].Trim();
        return rest.Length > 0;
    }
}
