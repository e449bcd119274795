using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;

namespace EvidenceHub.Api.Themes;

/// <summary>A theme; its rule is the inquiry staff's working detail and is null for everyone else.</summary>
public sealed record ThemeDto(long Id, string Inquiry, string Name, string? Description, string? Rule, string Colour, int RuleVersion, DateTimeOffset UpdatedAt);

public sealed record ThemeRequest(string? Name, string? Description, string? Rule, string? Colour);

public sealed record TagRequest(long? ThemeId);

public sealed record ThemeTagDto(
    long Id,
    long ThemeId,
    string Theme,
    long? PassageId,
    string Origin,
    string Review,
    bool Effective,
    int? RuleVersion,
    IReadOnlyList<string> MatchedTerms,
    long? MatchedPassageId,
    int? MatchedPassages,
    string TaggedBy,
    DateTimeOffset TaggedAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt);

public sealed record TagAuditDto(string Action, string Theme, long ThemeId, long? PassageId, string By, DateTimeOffset At);

public static class ThemeMapping
{
    public static ThemeDto AsDto(this Theme t, string inquiryPrefix, bool withRule = true) =>
        new(t.Id, inquiryPrefix, t.Name, t.Description, withRule ? t.Rule : null, t.Colour, t.RuleVersion, t.UpdatedAt);

    public static ThemeTagDto AsDto(this ThemeTag t, string themeName) => new(
        t.Id,
        t.ThemeId,
        themeName,
        t.PassageId,
        t.Origin.ToCode(),
        t.Review.ToCode(),
        t.IsEffective,
        t.RuleVersion,
        string.IsNullOrEmpty(t.MatchedTerms) ? [] : t.MatchedTerms.Split("; "),
        t.MatchedPassageId,
        t.MatchedPassages,
        t.TaggedBy,
        t.TaggedAt,
        t.ReviewedBy,
        t.ReviewedAt);

    public static TagAuditDto AsDto(this ThemeTagAudit a) => new(a.Action, a.ThemeName, a.ThemeId, a.PassageId, a.By, a.At);
}
