using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceHub.Core.Submissions;

/// <summary>Reference codes: the inquiry's prefix and a four-digit number, <c>LBN0012</c>.</summary>
public static partial class ReferenceCode
{
    public static string Format(string prefix, int number) =>
        prefix + number.ToString(number < 10_000 ? "D4" : "D", CultureInfo.InvariantCulture);

    /// <summary>The inquiry prefix a reference starts with (its leading letters, upper-cased): <c>LBN0012</c> → <c>LBN</c>.</summary>
    public static string PrefixOf(string reference)
    {
        var end = 0;
        while (end < reference.Length && char.IsAsciiLetter(reference[end]))
        {
            end++;
        }

        return reference[..end].ToUpperInvariant();
    }

    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^[A-Z]{3,5}$")]
    private static partial Regex PrefixPattern();
}
