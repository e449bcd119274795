using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceHub.Core.Submissions;

/// <summary>Reference codes: the inquiry's prefix and a four-digit number, <c>LBN0012</c>.</summary>
public static partial class ReferenceCode
{
    public static string Format(string prefix, int number) =>
        prefix + number.ToString(number < 10_000 ? "D4" : "D", CultureInfo.InvariantCulture);

    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^[A-Z]{3,5}$")]
    private static partial Regex PrefixPattern();
}
