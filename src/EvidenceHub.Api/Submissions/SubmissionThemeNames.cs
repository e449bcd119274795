using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Submissions;

/// <summary>The names of the themes each submission carries, by the same rule the index follows.</summary>
public static class SubmissionThemeNames
{
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> LoadAsync(
        EvidenceDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var (tags, names) = await ThemeAssignment.LoadAsync(db, submissionIds, cancellationToken);
        var tagged = submissionIds.Where(id => tags[id].Any()).ToList();
        var passages = (await db.Passages.AsNoTracking().Where(p => tagged.Contains(p.SubmissionId))
            .Select(p => new { p.SubmissionId, p.Id }).ToListAsync(cancellationToken)).ToLookup(p => p.SubmissionId, p => p.Id);
        return submissionIds.ToDictionary(id => id, id => (IReadOnlyList<string>)ThemeAssignment
            .OfSubmission(tags[id], passages[id].ToList())
            .Select(themeId => names.GetValueOrDefault(themeId))
            .OfType<string>().Order(StringComparer.Ordinal).ToList());
    }
}
