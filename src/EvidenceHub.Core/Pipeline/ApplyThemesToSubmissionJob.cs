using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The "themes" job after indexing: evaluates every theme of the inquiry for one submission and
/// re-indexes it directly (not through the index job) only when its tags changed — no loop.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class ApplyThemesToSubmissionJob(
    EvidenceDbContext db,
    ThemeRules rules,
    AutomaticTagger tagger,
    SubmissionIndexer indexer,
    PassageIndex index,
    TaggingGate gate,
    ILogger<ApplyThemesToSubmissionJob> logger)
{
    public async Task RunAsync(long submissionId, CancellationToken cancellationToken)
    {
        using var entered = await gate.EnterAsync(cancellationToken);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null || submission.Status != ProcessingStatus.Indexed)
        {
            return;
        }

        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == submission.InquiryId)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var changed = false;
        foreach (var theme in themes)
        {
            var matches = rules.Match(theme.Rule, submission.Inquiry!.Prefix, submissionId);
            changed |= (await tagger.ApplyAsync(theme, matches, submissionId, cancellationToken)).Count > 0;
        }

        if (changed)
        {
            await indexer.ReplaceAsync([submissionId], cancellationToken);
            index.Commit();
            logger.LogInformation("Themes of {Reference} changed: re-indexed", submission.Reference);
        }
    }
}
