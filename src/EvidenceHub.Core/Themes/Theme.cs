namespace EvidenceHub.Core.Themes;

/// <summary>A named topic of an inquiry with a rule in the search language; the codebook is the inquiry's themes.</summary>
public sealed class Theme
{
    public long Id { get; set; }

    public int InquiryId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public required string Rule { get; set; }

    /// <summary><c>#RRGGBB</c>: the theme's colour in charts.</summary>
    public required string Colour { get; set; }

    /// <summary>Bumped on every change of the rule; each automatic tag records the version that made it.</summary>
    public int RuleVersion { get; set; }

    /// <summary>
    /// The rule version last applied over the whole inquiry; behind <see cref="RuleVersion"/> while a
    /// rule job is pending, so the reconciler can queue one that was lost.
    /// </summary>
    public int AppliedVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
