using System.Text;

namespace EvidenceHub.Core.Drafts;

/// <summary>
/// How a draft's words are compared with the evidence: typography a report's house style changes (curly
/// or straight quotes and apostrophes, dash lengths, non-breaking and repeated spaces) is folded away,
/// and nothing else is. A changed word, a changed spelling or an inserted "[sic]" stays a difference.
/// </summary>
public static class DraftText
{
    /// <summary>The text with typography folded and spaces collapsed; same letters, same case.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u2007' or '\u202F' or '\t' or '\r' or '\n' => ' ',
                '\u00AD' or '\u200B' => '\0',
                _ => raw,
            };
            if (c == '\0' || (c == ' ' && (builder.Length == 0 || builder[^1] == ' ')))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// The pieces of a quotation an author shortened with an ellipsis (<c>…</c>, <c>...</c>, <c>[…]</c>),
    /// each folded; they must all occur, in order, in one passage.
    /// </summary>
    public static IReadOnlyList<string> Fragments(string quotation)
    {
        var folded = Fold(quotation).Replace("[...]", "\u2026", StringComparison.Ordinal)
            .Replace("[\u2026]", "\u2026", StringComparison.Ordinal).Replace("...", "\u2026", StringComparison.Ordinal);
        return folded.Split('\u2026', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Trim(' ', ',', ';', ':'))
            .Where(f => f.Length > 0)
            .ToList();
    }

    /// <summary>Words for the word diff: runs of letters and digits with the punctuation attached, split at spaces.</summary>
    public static string[] Words(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A word compared for closeness: letters and digits only, lower case.</summary>
    public static string Bare(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
