using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// Which themes a submission and each of its passages carry — the one rule that search, the facet,
/// coverage and the submission's <c>themes</c> all follow, so their numbers agree:
/// <list type="bullet">
/// <item>a passage carries a theme when it has an effective passage tag (manual, or automatic and not rejected);</item>
/// <item>a submission-level tag that is effective but has no tagged passage behind it (a tag by hand on
/// the whole submission) puts the theme on every passage, so the submission is found by it;</item>
/// <item>a rejected submission-level tag takes the theme off every passage of the submission.</item>
/// </list>
/// A submission carries a theme when any of its passages does.
/// </summary>
public static class ThemeAssignment
{
    public static IReadOnlyDictionary<long, IReadOnlyList<string>> ByPassage(
        IEnumerable<ThemeTag> tags, IReadOnlyCollection<long> passageIds, IReadOnlyDictionary<long, string> names)
    {
        var result = passageIds.ToDictionary(id => id, _ => new List<string>());
        foreach (var theme in tags.GroupBy(t => t.ThemeId))
        {
            if (!names.TryGetValue(theme.Key, out var name))
            {
                continue;
            }

            foreach (var passageId in Carriers(theme, passageIds))
            {
                result[passageId].Add(name);
            }
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The theme ids a submission carries; without passages, its effective submission-level tags.</summary>
    public static IReadOnlySet<long> OfSubmission(IEnumerable<ThemeTag> tags, IReadOnlyCollection<long> passageIds) =>
        tags.GroupBy(t => t.ThemeId)
            .Where(theme => passageIds.Count == 0
                ? theme.Any(t => t.PassageId is null && t.IsEffective)
                : Carriers(theme, passageIds).Any())
            .Select(theme => theme.Key)
            .ToHashSet();

    private static IEnumerable<long> Carriers(IEnumerable<ThemeTag> tagsOfOneTheme, IReadOnlyCollection<long> passageIds)
    {
        var tags = tagsOfOneTheme.ToList();
        var whole = tags.FirstOrDefault(t => t.PassageId is null);
        if (whole is { IsEffective: false })
        {
            return [];
        }

        var tagged = tags.Where(t => t.PassageId is { } id && t.IsEffective && passageIds.Contains(id))
            .Select(t => t.PassageId!.Value).ToHashSet();
        return tagged.Count > 0 ? tagged : whole is not null ? passageIds : [];
    }

    /// <summary>The tags of some submissions, by submission, and the names of the themes they name.</summary>
    public static async Task<(ILookup<long, ThemeTag> Tags, IReadOnlyDictionary<long, string> Names)> LoadAsync(
        EvidenceDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var tags = await db.Set<ThemeTag>().AsNoTracking().Where(t => submissionIds.Contains(t.SubmissionId)).ToListAsync(cancellationToken);
        var themeIds = tags.Select(t => t.ThemeId).Distinct().ToList();
        var names = await db.Set<Theme>().AsNoTracking().Where(t => themeIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return (tags.ToLookup(t => t.SubmissionId), names);
    }
}
