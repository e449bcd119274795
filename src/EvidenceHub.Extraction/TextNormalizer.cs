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
        if (IsClean(text))
        {
            return text.Trim();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is '\r' or '\n' or '\f' or '\v')
            {
                builder.Append(' ');
            }
            else if (c is >= '\u0080' and <= '\u009F' && Windows1252(c) is { } printed)
            {
                // Text decoded from Windows-1252 as Latin-1 keeps its dashes and quotes as C1 controls ("Norfolk\u0097not").
                builder.Append(printed);
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

    /// <summary>Printable ASCII with single spaces: nothing to normalise but the ends (most lines of most files).</summary>
    private static bool IsClean(string text)
    {
        var previous = 'x';
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' || (c == ' ' && previous == ' '))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static char? Windows1252(char c) => c switch
    {
        '\u0085' => '…',
        '\u0091' => '‘',
        '\u0092' => '’',
        '\u0093' => '“',
        '\u0094' => '”',
        '\u0096' => '–',
        '\u0097' => '—',
        _ => null,
    };
}
