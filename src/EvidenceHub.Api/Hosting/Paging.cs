namespace EvidenceHub.Api.Hosting;

/// <summary>page is 1-based; pageSize defaults to 20 and is capped at 100.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public int Skip => (Page - 1) * Size;

    public static Paging From(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100));
}
