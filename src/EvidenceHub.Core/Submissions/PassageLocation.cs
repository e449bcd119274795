using System.Globalization;

namespace EvidenceHub.Core.Submissions;

/// <summary>Where a passage is in its file, in words: <c>page 45, lines 3–18</c>, <c>page 45, line 3</c>, <c>page 45</c>.</summary>
public static class PassageLocation
{
    public static string? Describe(int? page, int? lineStart, int? lineEnd)
    {
        if (page is null)
        {
            return null;
        }

        var where = "page " + page.Value.ToString(CultureInfo.InvariantCulture);
        if (lineStart is not { } first)
        {
            return where;
        }

        return lineEnd is { } last && last > first
            ? $"{where}, lines {first.ToString(CultureInfo.InvariantCulture)}–{last.ToString(CultureInfo.InvariantCulture)}"
            : $"{where}, line {first.ToString(CultureInfo.InvariantCulture)}";
    }
}
