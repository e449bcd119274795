using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction;

/// <summary>Whitespace and Unicode clean-up shared by every extractor.</summary>
public static partial class TextNormalizer
{
    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200B\u202F\u205F\u3000]+")]
    private static partial Regex Spaces();

    /// <summary>Collapses runs of spaces, drops control characters and trims; keeps the text's own words.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is '\r' or '\n' or '\f' or '\v')
            {
                builder.Append(' ');
            }
            else if (c == '\u00AD' || (char.IsControl(c) && c != '\t'))
            {
                // soft hyphens and control characters are not text
            }
            else
            {
                builder.Append(c);
            }
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }
}
