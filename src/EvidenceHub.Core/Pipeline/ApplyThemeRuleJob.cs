using System.Diagnostics;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// The "themes" job for a saved rule: runs the theme's current rule over its inquiry, batch by batch of
/// submissions read from the database and indexed in memory, so any worker node can run it, and writes
/// the automatic tags of each batch under its submissions' row locks (<see cref="AutomaticTagWriter"/>):
/// a batch whose passages or rule changed meanwhile is evaluated again before it is written. Each batch
/// reads the rule afresh, so a run overtaken by an edit goes on with the newer rule.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class ApplyThemeRuleJob(
    EvidenceDbContext db,
    AutomaticTagWriter writer,
    ImmediateIndexUpdate indexNow,
    ILogger<ApplyThemeRuleJob> logger)
{
    /// <summary>Submissions read, evaluated and written at a time: a few thousand passages in memory, a short lock.</summary>
    public const int BatchSize = 100;

    public async Task RunAsync(long themeId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var theme = await db.Set<Theme>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == themeId, cancellationToken);
        if (theme is null)
        {
            return;
        }

        var prefix = await db.Set<Inquiry>().Where(i => i.Id == theme.InquiryId).Select(i => i.Prefix).FirstAsync(cancellationToken);
        var (passages, changed) = (0, new HashSet<long>());
        for (var after = 0L; ;)
        {
            var batch = await RulePassages.ReadBatchAsync(db, theme.InquiryId, prefix, after, BatchSize, cancellationToken);
            if (batch.Count == 0 || !await db.Set<Theme>().AnyAsync(t => t.Id == themeId, cancellationToken))
            {
                break; // done, or the theme was deleted (its tags with it)
            }

            after = batch[^1].Id;
            passages += batch.Sum(s => s.Documents.Count);
            changed.UnionWith(await writer.EvaluateAndWriteAsync(batch, theme.InquiryId, themeId, cancellationToken));
        }

        await indexNow.ApplyAsync(); // each batch's tags were saved with their change-log rows; a node with an index applies them now
        // Every submission has been written with this version or a later one.
        await db.Set<Theme>().Where(t => t.Id == themeId && t.AppliedVersion < theme.RuleVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.AppliedVersion, theme.RuleVersion), cancellationToken);

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        logger.LogInformation("Theme {Theme} v{Version}: {Passages} passages evaluated ({PerSecond:F0}/s), {Changed} submissions' tags changed, in {ElapsedMs} ms",
            theme.Name, theme.RuleVersion, passages, passages / seconds, changed.Count, clock.ElapsedMilliseconds);
    }
}
