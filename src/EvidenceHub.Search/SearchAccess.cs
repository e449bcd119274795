namespace EvidenceHub.Search;

/// <summary>
/// What a caller may read in the index. <see cref="FullInquiries"/>: prefixes of the inquiries the caller
/// works in (where they see unpublished evidence and anonymous submitters' names); null = every inquiry
/// (an administrator). Everywhere else the caller sees published evidence only, with anonymous
/// submitters' names and organisations projected away — in hits, and in what <c>submitter:</c> and
/// <c>organisation:</c> searches can match.
/// </summary>
public sealed record SearchAccess(IReadOnlySet<string>? FullInquiries)
{
    public static readonly SearchAccess Everything = new((IReadOnlySet<string>?)null);

    public static readonly SearchAccess PublicOnly = new(new HashSet<string>(StringComparer.Ordinal));

    public bool HasFullAccessTo(string inquiry) => FullInquiries is null || FullInquiries.Contains(inquiry);
}
