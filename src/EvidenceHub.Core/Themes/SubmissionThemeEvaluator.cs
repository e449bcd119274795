using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// Evaluates every theme rule of a submission's inquiry for that one submission (its passages must be
/// in the index already) and stores the automatic tags. Call it under the <see cref="TaggingGate"/>.
/// </summary>
public sealed class SubmissionThemeEvaluator(EvidenceDbContext db, ThemeRules rules, AutomaticTagger tagger)
{
    /// <summary>True when the submission's tags changed, so its passages must be indexed again.</summary>
    public async Task<bool> EvaluateAsync(Submission submission, string inquiryPrefix, CancellationToken cancellationToken)
    {
        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == submission.InquiryId)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var changed = false;
        foreach (var theme in themes)
        {
            var matches = rules.Match(theme.Rule, inquiryPrefix, submission.Id);
            changed |= (await tagger.ApplyAsync(theme, matches, submission.Id, cancellationToken)).Count > 0;
        }

        return changed;
    }
}
