using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EvidenceHub.Api.Hosting;

/// <summary>
/// page is 1-based, at most <see cref="MaxPage"/>; pageSize defaults to 20 and is at most <see cref="MaxSize"/>.
/// A value out of range is refused, not clamped: a caller who asked for page 0 or 500 rows learns that
/// rather than silently getting something else. The page cap keeps the rows skipped far inside an int
/// (the searcher counts them in one, and overflowed into a 500 before this check).
/// </summary>
public readonly record struct Paging(int Page, int Size)
{
    public const int MaxPage = 100_000;

    public const int MaxSize = 100;

    public const int DefaultSize = 20;

    public const string ProblemTitle = "The page asked for is out of range";

    public int Skip => (Page - 1) * Size;

    /// <summary>The paging asked for, or a sentence naming the valid range.</summary>
    public static bool TryFrom(int? page, int? pageSize, out Paging paging, [NotNullWhen(false)] out string? problem)
    {
        paging = new(page ?? 1, pageSize ?? DefaultSize);
        problem = paging.Page is < 1 or > MaxPage ? OutOfRange("page", paging.Page.ToString(CultureInfo.InvariantCulture))
            : paging.Size is < 1 or > MaxSize ? OutOfRange("pageSize", paging.Size.ToString(CultureInfo.InvariantCulture))
            : null;
        return problem is null;
    }

    /// <summary>"'0' is not a valid page; use a whole number from 1 to 100,000."</summary>
    public static string OutOfRange(string name, string value) =>
        $"'{value}' is not a valid {name}; use a whole number from 1 to {(name == "pageSize" ? MaxSize : MaxPage).ToString("N0", CultureInfo.InvariantCulture)}.";
}
