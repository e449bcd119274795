using System.Diagnostics;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The "themes" job for a saved rule: runs the theme's current rule over its inquiry, batch by batch of
/// submissions read from the database and indexed in memory (so any worker node can run it), brings the
/// automatic tags in line and re-indexes only the submissions whose tags changed. It reads the rule
/// under the tagging gate, so after concurrent edits the last run applies the last rule.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class ApplyThemeRuleJob(
    EvidenceDbContext db,
    ThemeRules rules,
    AutomaticTagger tagger,
    SubmissionIndexer indexer,
    PassageIndex index,
    TaggingGate gate,
    ILogger<ApplyThemeRuleJob> logger)
{
    /// <summary>Submissions read, evaluated and written at a time: a few thousand passages in memory at most.</summary>
    public const int BatchSize = 100;

    public async Task RunAsync(long themeId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var entered = await gate.EnterAsync(cancellationToken);
        var theme = await db.Set<Theme>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == themeId, cancellationToken);
        if (theme is null)
        {
            return;
        }

        var prefix = await db.Set<Inquiry>().Where(i => i.Id == theme.InquiryId).Select(i => i.Prefix).FirstAsync(cancellationToken);
        var (passages, matched, changed) = (0, 0, new HashSet<long>());
        for (var after = 0L; ;)
        {
            var batch = await RulePassages.ReadBatchAsync(db, theme.InquiryId, prefix, after, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Submission.Id;
            var documents = batch.SelectMany(s => s.Passages).ToList();
            var matches = rules.Match(theme.Rule, documents);
            var ids = batch.Select(s => s.Submission.Id).ToList();
            db.ChangeTracker.Clear();
            changed.UnionWith(tagger.Apply(theme, matches, await tagger.TagsAsync([theme.Id], ids, cancellationToken)));
            await db.SaveChangesAsync(cancellationToken);
            (passages, matched) = (passages + documents.Count, matched + matches.Count);
        }

        if (changed.Count > 0)
        {
            await indexer.ReplaceAsync(changed, cancellationToken);
            index.Commit();
        }

        await db.Set<Theme>().Where(t => t.Id == themeId && t.AppliedVersion < theme.RuleVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.AppliedVersion, theme.RuleVersion), cancellationToken);

        logger.LogInformation("Theme {Theme} v{Version}: {Matched} of {Passages} passages matched, {Changed} submissions re-indexed in {ElapsedMs} ms",
            theme.Name, theme.RuleVersion, matched, passages, changed.Count, clock.ElapsedMilliseconds);
    }
}
