using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// When a submission is extracted again (a corrected version), its passages are replaced and get new
/// ids. This moves the passage tags people made or reviewed onto the same passages of the new text:
/// the passage with the same words (the nearest in reading order if several), else the one whose words
/// overlap most (a corrected typo). A hand tag whose passage is gone moves to the submission as a whole
/// (unless that already carries the theme), so a researcher's judgement is never dropped silently;
/// a reviewed automatic tag whose passage is gone is removed. Tags nobody reviewed are left to the
/// rules, which re-run when the new version is indexed.
/// </summary>
public static class PassageTagReanchoring
{
    /// <summary>How much of two passages' words must be shared (Jaccard) to call one the corrected other.</summary>
    public const double MinimumOverlap = 0.6;

    public sealed record OldPassage(long Id, int Ordinal, string Text);

    /// <summary>
    /// The passages to remember before they are replaced, by submission, of those of these submissions whose tags
    /// need them (tags by hand, or reviewed); two reads for the group.
    /// </summary>
    public static async Task<Dictionary<long, IReadOnlyList<OldPassage>>> RememberAsync(
        EvidenceDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var needed = await db.Set<ThemeTag>()
            .Where(t => submissionIds.Contains(t.SubmissionId) && t.PassageId != null && (t.Origin == TagOrigin.Manual || t.Review != TagReview.None))
            .Select(t => t.SubmissionId).Distinct().ToListAsync(cancellationToken);
        if (needed.Count == 0)
        {
            return [];
        }

        var passages = await db.Passages.Where(p => needed.Contains(p.SubmissionId))
            .Select(p => new { p.SubmissionId, Old = new OldPassage(p.Id, p.Ordinal, p.Text) }).ToListAsync(cancellationToken);
        return passages.GroupBy(p => p.SubmissionId).ToDictionary(g => g.Key, g => (IReadOnlyList<OldPassage>)g.Select(p => p.Old).ToList());
    }

    /// <summary>Moves the tags of <paramref name="old"/> passages onto <paramref name="current"/> ones; the caller saves.</summary>
    public static async Task MoveAsync(EvidenceDbContext db, long submissionId, IReadOnlyList<OldPassage> old, IReadOnlyList<Passage> current,
        CancellationToken cancellationToken)
    {
        if (old.Count == 0)
        {
            return;
        }

        var oldById = old.ToDictionary(p => p.Id);
        var tags = await db.Set<ThemeTag>().Where(t => t.SubmissionId == submissionId).ToListAsync(cancellationToken);
        var wholeThemes = tags.Where(t => t.PassageId is null).Select(t => t.ThemeId).ToHashSet();
        var taken = new HashSet<(long Theme, long Passage)>();
        var words = current.ToDictionary(p => p.Id, p => Words(p.Text));

        // Hand tags first, so they win a passage two old tags of one theme would both land on.
        foreach (var tag in tags.Where(t => t.PassageId is { } id && oldById.ContainsKey(id) && !t.BelongsToRule).OrderByDescending(t => t.Origin))
        {
            var was = oldById[tag.PassageId!.Value];
            var target = Match(was, current, words);
            if (target is not null && taken.Add((tag.ThemeId, target.Id)))
            {
                if (tag.MatchedPassageId == was.Id)
                {
                    tag.MatchedPassageId = target.Id;
                }

                tag.PassageId = target.Id;
            }
            else if (target is null && tag.Origin == TagOrigin.Manual && wholeThemes.Add(tag.ThemeId))
            {
                tag.PassageId = null;
                tag.MatchedPassageId = null;
            }
            else
            {
                db.Remove(tag);
            }
        }
    }

    private static Passage? Match(OldPassage was, IReadOnlyList<Passage> current, IReadOnlyDictionary<long, HashSet<string>> words)
    {
        var same = current.Where(p => p.Text == was.Text).MinBy(p => Math.Abs(p.Ordinal - was.Ordinal));
        if (same is not null)
        {
            return same;
        }

        var before = Words(was.Text);
        return current
            .Select(p => (Passage: p, Overlap: Overlap(before, words[p.Id])))
            .Where(x => x.Overlap >= MinimumOverlap)
            .OrderByDescending(x => x.Overlap).ThenBy(x => Math.Abs(x.Passage.Ordinal - was.Ordinal))
            .Select(x => x.Passage)
            .FirstOrDefault();
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
