namespace EvidenceHub.Core.Themes;

/// <summary>One tag action by hand: who did what to which theme on which submission or passage, and when.</summary>
public sealed class ThemeTagAudit
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public long? PassageId { get; set; }

    public long ThemeId { get; set; }

    /// <summary>The theme's name at the time, so the record still reads after a rename or deletion.</summary>
    public required string ThemeName { get; set; }

    /// <summary><c>tag</c>, <c>untag</c>, <c>confirm</c> or <c>reject</c>.</summary>
    public required string Action { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}
