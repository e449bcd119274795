using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// Evaluates every theme rule of a submission's inquiry on that submission's passages, read from the
/// database and indexed in memory (never the shared index), and stores its automatic tags.
/// </summary>
public sealed class SubmissionThemeEvaluator(EvidenceDbContext db, ThemeRules rules, AutomaticTagger tagger, ILogger<SubmissionThemeEvaluator> logger)
{
    /// <summary>True when the submission's tags changed, so its passages must be indexed again.</summary>
    public async Task<bool> EvaluateAsync(Submission submission, string inquiryPrefix, CancellationToken cancellationToken)
    {
        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == submission.InquiryId)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var read = await RulePassages.ReadAsync(db, [submission.Id], inquiryPrefix, cancellationToken);
        if (themes.Count == 0 || read.Count == 0)
        {
            return false;
        }

        var matches = Evaluate(themes, read[0].Passages);
        var tags = await tagger.TagsAsync(themes.Select(t => t.Id).ToList(), [submission.Id], cancellationToken);
        var changed = false;
        foreach (var theme in themes.Where(t => matches.ContainsKey(t.Id)))
        {
            changed |= tagger.Apply(theme, matches[theme.Id], tags).Count > 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Every theme's matches. A rule that no longer parses (the search language changed since it was saved)
    /// leaves its theme's tags as they are rather than stopping the submission's processing.
    /// </summary>
    public Dictionary<long, IReadOnlyList<RuleMatch>> Evaluate(IReadOnlyList<Theme> themes, IReadOnlyCollection<PassageDocument> passages)
    {
        try
        {
            var all = rules.Match(themes.Select(t => t.Rule).ToList(), passages);
            return themes.Select((t, i) => (t.Id, Matches: all[i])).ToDictionary(x => x.Id, x => x.Matches);
        }
        catch (SearchQueryException)
        {
            var matches = new Dictionary<long, IReadOnlyList<RuleMatch>>();
            foreach (var theme in themes)
            {
                try
                {
                    matches[theme.Id] = rules.Match(theme.Rule, passages);
                }
                catch (SearchQueryException ex)
                {
                    logger.LogWarning("The rule of theme {Theme} no longer runs, its tags are left as they are: {Problem}", theme.Name, ex.Message);
                }
            }

            return matches;
        }
    }
}
