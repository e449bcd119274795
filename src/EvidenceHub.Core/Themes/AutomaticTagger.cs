using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// Brings one theme's automatic tags in line with what its rule matched on some submissions. Matching
/// passages get a tag with the reason; a submission gets the tag when it has a matching passage whose tag
/// is not rejected. Only tags nobody has reviewed are added, updated or removed: manual and confirmed tags
/// stay, rejected ones are never restored. Running it twice changes nothing the second time.
/// </summary>
public sealed class AutomaticTagger(EvidenceDbContext db, TimeProvider clock)
{
    public const string RuleAuthor = "rule";
    private const int MaxTermsLength = 1000;

    /// <summary>Every tag of these themes on these submissions, tracked, for <see cref="Apply"/>.</summary>
    public Task<List<ThemeTag>> TagsAsync(IReadOnlyCollection<long> themeIds, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken) =>
        db.Set<ThemeTag>().Where(t => themeIds.Contains(t.ThemeId) && submissionIds.Contains(t.SubmissionId)).ToListAsync(cancellationToken);

    /// <summary>
    /// Stages the changes (the caller saves) that bring <paramref name="existing"/> — every tag of the theme
    /// on the submissions evaluated, tracked — in line with <paramref name="matches"/> on them. Returns the
    /// submissions whose tags were added or removed.
    /// </summary>
    public IReadOnlySet<long> Apply(Theme theme, IReadOnlyList<RuleMatch> matches, IEnumerable<ThemeTag> existing)
    {
        var tags = existing.Where(t => t.ThemeId == theme.Id).ToList();
        var changed = new HashSet<long>();
        var passageTags = tags.Where(t => t.PassageId is not null).ToDictionary(t => t.PassageId!.Value);
        var matched = matches.ToDictionary(m => m.PassageId);

        foreach (var match in matches)
        {
            if (passageTags.TryGetValue(match.PassageId, out var tag))
            {
                if (tag.BelongsToRule)
                {
                    Explain(tag, theme, match.PassageId, match.Terms, null);
                }
            }
            else
            {
                passageTags[match.PassageId] = Add(theme, match.SubmissionId, match.PassageId, match.PassageId, match.Terms, null);
                changed.Add(match.SubmissionId);
            }
        }

        foreach (var stale in passageTags.Values.Where(t => t.BelongsToRule && !matched.ContainsKey(t.PassageId!.Value)).ToList())
        {
            db.Remove(stale);
            changed.Add(stale.SubmissionId);
        }

        var supported = matches.Where(m => passageTags[m.PassageId].IsEffective).ToLookup(m => m.SubmissionId);
        var wholeTags = tags.Where(t => t.PassageId is null).ToDictionary(t => t.SubmissionId);
        foreach (var submission in supported)
        {
            var first = submission.First();
            var terms = submission.SelectMany(m => m.Terms).Distinct(StringComparer.Ordinal).ToList();
            if (wholeTags.TryGetValue(submission.Key, out var tag))
            {
                if (tag.BelongsToRule)
                {
                    Explain(tag, theme, first.PassageId, terms, submission.Count());
                }
            }
            else
            {
                Add(theme, submission.Key, null, first.PassageId, terms, submission.Count());
                changed.Add(submission.Key);
            }
        }

        foreach (var stale in wholeTags.Values.Where(t => t.BelongsToRule && !supported.Contains(t.SubmissionId)))
        {
            db.Remove(stale);
            changed.Add(stale.SubmissionId);
        }

        return changed;
    }

    private ThemeTag Add(Theme theme, long submissionId, long? passageId, long matchedPassage, IReadOnlyList<string> terms, int? passages)
    {
        var tag = new ThemeTag
        {
            ThemeId = theme.Id,
            SubmissionId = submissionId,
            PassageId = passageId,
            Origin = TagOrigin.Automatic,
            Review = TagReview.None,
            TaggedBy = RuleAuthor,
            TaggedAt = clock.GetUtcNow(),
        };
        Explain(tag, theme, matchedPassage, terms, passages);
        db.Add(tag);
        return tag;
    }

    private static void Explain(ThemeTag tag, Theme theme, long matchedPassage, IReadOnlyList<string> terms, int? passages)
    {
        var joined = string.Join("; ", terms);
        tag.RuleVersion = theme.RuleVersion;
        tag.MatchedPassageId = matchedPassage;
        tag.MatchedPassages = passages;
        tag.MatchedTerms = joined.Length <= MaxTermsLength ? joined : joined[..(MaxTermsLength - 1)] + "…";
    }
}
