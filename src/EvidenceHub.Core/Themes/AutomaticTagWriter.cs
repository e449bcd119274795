using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
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
/// inquiry in turn, so a writer that read the old rule either wrote before the job locked its submission
/// or finds the new version under its own lock.
/// </remarks>
public sealed class AutomaticTagWriter(EvidenceDbContext db, ThemeRules rules, AutomaticTagger tagger, ILogger<AutomaticTagWriter> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Evaluates one theme (<paramref name="onlyTheme"/>) or every theme of the inquiry on the submissions
    /// read, and writes their automatic tags: in its own transaction, or in the caller's when there is one.
    /// Saves whatever else the context has pending. Returns the submissions whose tags were added or removed.
    /// </summary>
    public async Task<IReadOnlySet<long>> WriteAsync(IReadOnlyList<SubmissionPassages> read, int inquiryId, long? onlyTheme, CancellationToken cancellationToken)
    {
        var themes = await ThemesAsync(inquiryId, onlyTheme, cancellationToken);
        if (read.Count == 0 || themes.Count == 0)
        {
            return new HashSet<long>(); // a theme created later runs its own job over every submission
        }

        var evaluation = new Evaluation(rules, logger, throwOnBrokenRule: onlyTheme is not null);
        evaluation.Run(themes, read);
        if (db.Database.CurrentTransaction is not null)
        {
            return await WriteLockedAsync(read, themes, evaluation, inquiryId, onlyTheme, cancellationToken);
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
                    var changed = await WriteLockedAsync(read, themes, evaluation, inquiryId, onlyTheme, cancellationToken);
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
        foreach (var entry in db.ChangeTracker.Entries<ThemeTag>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task<IReadOnlySet<long>> WriteLockedAsync(IReadOnlyList<SubmissionPassages> read, List<Theme> evaluatedThemes,
        Evaluation evaluation, int inquiryId, long? onlyTheme, CancellationToken cancellationToken)
    {
        // Rows in id order, so two writers of overlapping batches cannot deadlock.
        var held = new List<SubmissionPassages>();
        var readAgain = new List<SubmissionPassages>();
        foreach (var submission in read.OrderBy(s => s.Id))
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
                held[i] = held[i] with { Submission = rows[held[i].Id] };
                readAgain.Add(held[i]);
            }
        }

        var themes = await ThemesAsync(inquiryId, onlyTheme, cancellationToken);
        var changedRules = themes.Where(t => !evaluatedThemes.Any(e => e.Id == t.Id && e.RuleVersion == t.RuleVersion && e.Rule == t.Rule)).ToList();
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

    private Task<List<Theme>> ThemesAsync(int inquiryId, long? onlyTheme, CancellationToken cancellationToken) =>
        db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == inquiryId && (onlyTheme == null || t.Id == onlyTheme))
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>What each theme's rule matched on each submission, as last evaluated.</summary>
    private sealed class Evaluation(ThemeRules rules, ILogger logger, bool throwOnBrokenRule)
    {
        private readonly Dictionary<(long Theme, long Submission), IReadOnlyList<RuleMatch>> matches = [];
        private readonly HashSet<(long Theme, int Version)> evaluated = [];

        public bool Has(Theme theme) => evaluated.Contains((theme.Id, theme.RuleVersion));

        public IReadOnlyList<RuleMatch> Matches(Theme theme, IEnumerable<SubmissionPassages> submissions) =>
            submissions.SelectMany(s => matches.GetValueOrDefault((theme.Id, s.Id)) ?? []).ToList();

        public void Run(IReadOnlyList<Theme> themes, IReadOnlyList<SubmissionPassages> submissions)
        {
            if (themes.Count == 0 || submissions.Count == 0)
            {
                return;
            }

            var documents = submissions.SelectMany(s => s.Documents).ToList();
            foreach (var (theme, found) in MatchEach(themes, documents))
            {
                var bySubmission = found.ToLookup(m => m.SubmissionId);
                foreach (var submission in submissions)
                {
                    matches[(theme.Id, submission.Id)] = bySubmission[submission.Id].ToList();
                }

                evaluated.Add((theme.Id, theme.RuleVersion));
            }
        }

        /// <summary>
        /// Every theme's matches. A rule that no longer parses (the search language changed since it was
        /// saved) leaves its theme's tags as they are, rather than stopping every submission's processing;
        /// the job of that one rule fails, saying why.
        /// </summary>
        private IEnumerable<(Theme, IReadOnlyList<RuleMatch>)> MatchEach(IReadOnlyList<Theme> themes, IReadOnlyList<PassageDocument> documents)
        {
            IReadOnlyList<IReadOnlyList<RuleMatch>>? all = null;
            try
            {
                all = rules.Match(themes.Select(t => t.Rule).ToList(), documents);
            }
            catch (SearchQueryException) when (!throwOnBrokenRule)
            {
                // one of them: each is run alone below, to find which
            }

            for (var i = 0; i < themes.Count; i++)
            {
                IReadOnlyList<RuleMatch> found;
                try
                {
                    found = all?[i] ?? rules.Match(themes[i].Rule, documents);
                }
                catch (SearchQueryException ex) when (!throwOnBrokenRule)
                {
                    logger.LogWarning("The rule of theme {Theme} no longer runs; its tags are left as they are: {Problem}", themes[i].Name, ex.Message);
                    continue;
                }

                yield return (themes[i], found);
            }
        }
    }
}
