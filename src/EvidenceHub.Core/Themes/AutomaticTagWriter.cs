using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// Evaluates theme rules on passages read without any lock, then writes the automatic tags they make
/// under each submission's row lock, in one transaction: the lock is taken only if the passages are still
/// the ones evaluated (else they are read and evaluated again), and each theme's rule version is checked
/// under it (a rule changed meanwhile is evaluated again), so whatever the interleaving of rule edits,
/// corrected versions, hand tags and withdrawals, on however many nodes, the last writer of a
/// submission's tags wrote the latest rules' result on its latest passages.
/// </summary>
/// <remarks>
/// A rule edit takes no submission lock: the edit commits, then its job locks every submission of the
/// inquiry in turn. A writer that checked the old version under a submission's lock commits before the job
/// can lock that submission, and the job then writes the new rule's tags over its own; a writer that
/// checks after the edit finds the new version. Lock order is by submission id, so batches cannot deadlock.
/// </remarks>
public sealed class AutomaticTagWriter(EvidenceDbContext db, ThemeRules rules, AutomaticTagger tagger, ILogger<AutomaticTagWriter> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Evaluates one theme (<paramref name="onlyTheme"/>) or every theme of the inquiry on the submissions
    /// read, and writes their automatic tags (<see cref="WriteAsync"/>). Returns the submissions whose tags
    /// were added or removed.
    /// </summary>
    public async Task<IReadOnlySet<long>> EvaluateAndWriteAsync(
        IReadOnlyList<SubmissionPassages> read, int inquiryId, long? onlyTheme, CancellationToken cancellationToken) =>
        await WriteAsync(await EvaluateAsync(read, inquiryId, onlyTheme, cancellationToken), cancellationToken);

    /// <summary>Evaluates the themes' rules on the passages read, in memory, taking no lock.</summary>
    public async Task<RuleEvaluation> EvaluateAsync(IReadOnlyList<SubmissionPassages> read, int inquiryId, long? onlyTheme, CancellationToken cancellationToken)
    {
        var themes = read.Count == 0 ? [] : await ThemesAsync(inquiryId, onlyTheme, cancellationToken);
        return new RuleEvaluation(rules, logger, read, themes, inquiryId, onlyTheme);
    }

    /// <summary>
    /// Writes what was evaluated, under each submission's row lock, after evaluating again whatever changed
    /// since it was read: in its own transaction, or in the caller's when there is one. Saves whatever else
    /// the context has pending. Returns the submissions whose tags were added or removed.
    /// </summary>
    public async Task<IReadOnlySet<long>> WriteAsync(RuleEvaluation evaluation, CancellationToken cancellationToken)
    {
        if (evaluation.Read.Count == 0 || evaluation.Themes.Count == 0)
        {
            return new HashSet<long>(); // a theme created later runs its own job over every submission
        }

        if (db.Database.CurrentTransaction is not null)
        {
            return await WriteLockedAsync(evaluation, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var strategy = db.Database.CreateExecutionStrategy();
                return await strategy.ExecuteAsync(async () =>
                {
                    ForgetTags();
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var changed = await WriteLockedAsync(evaluation, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return changed;
                });
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // A theme deleted between its check and this save (its tags' foreign key): check again.
                logger.LogInformation(ex, "Writing automatic tags met a concurrent change; trying again");
            }
        }
    }

    /// <summary>
    /// Tags are read fresh under the lock: one the context already tracks would come back with the values it
    /// was read with. The caller's other tracked entities are left alone (the pipeline still holds its submission).
    /// </summary>
    private void ForgetTags()
    {
        var stale = db.ChangeTracker.Entries<ThemeTag>().Cast<EntityEntry>()
            .Concat(db.ChangeTracker.Entries<IndexChange>().Where(e => e.State == EntityState.Added)) // staged by a save that failed
            .ToList();
        foreach (var entry in stale)
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task<IReadOnlySet<long>> WriteLockedAsync(RuleEvaluation evaluation, CancellationToken cancellationToken)
    {
        // Rows in id order, so two writers of overlapping batches cannot deadlock.
        var held = new List<SubmissionPassages>();
        var readAgain = new List<SubmissionPassages>();
        foreach (var submission in evaluation.Read.OrderBy(s => s.Id))
        {
            var current = submission;
            while (current is not null && !await RulePassages.TryLockAsync(db, current.Id, current.ContentVersion, cancellationToken))
            {
                // Its passages were replaced since they were read (or it is gone): read what is there now.
                current = (await RulePassages.ReadAsync(db, [submission.Id], submission.InquiryPrefix, cancellationToken)).FirstOrDefault();
            }

            if (current is not null)
            {
                held.Add(current);
                if (current != submission)
                {
                    readAgain.Add(current);
                }
            }
        }

        // Names, kind or status can change without new passages: rules read them too.
        var ids = held.Select(s => s.Id).ToList();
        var rows = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        for (var i = 0; i < held.Count; i++)
        {
            if (!readAgain.Contains(held[i]) && !held[i].ReadsTheSameAs(rows[held[i].Id]))
            {
                held[i] = held[i].WithRow(rows[held[i].Id]);
                readAgain.Add(held[i]);
            }
        }

        var themes = await ThemesAsync(evaluation.InquiryId, evaluation.OnlyTheme, cancellationToken);
        var changedRules = themes.Where(t => !evaluation.Themes.Any(e => e.Id == t.Id && e.RuleVersion == t.RuleVersion && e.Rule == t.Rule)).ToList();
        evaluation.Run(changedRules, held);
        evaluation.Run(themes.Except(changedRules).ToList(), readAgain);

        var tags = await tagger.TagsAsync(themes.Select(t => t.Id).ToList(), ids, cancellationToken);
        var changed = new HashSet<long>();
        foreach (var theme in themes.Where(evaluation.Has))
        {
            changed.UnionWith(tagger.Apply(theme, evaluation.Matches(theme, held), tags));
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    // A theme with no rule (a code imported from analysis software) is tagged by hand only: nothing to evaluate.
    private Task<List<Theme>> ThemesAsync(int inquiryId, long? onlyTheme, CancellationToken cancellationToken) =>
        db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == inquiryId && (onlyTheme == null || t.Id == onlyTheme) && t.Rule != "")
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
}
