using EvidenceHub.Search;
using Microsoft.Extensions.Logging;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// What theme rules matched on some submissions' passages, evaluated without any lock:
/// <see cref="AutomaticTagWriter.EvaluateAsync"/> makes it, <see cref="AutomaticTagWriter.WriteAsync"/> writes
/// it, evaluating again under the lock what changed meanwhile.
/// </summary>
public sealed class RuleEvaluation
{
    private readonly ThemeRules rules;
    private readonly ILogger logger;
    private readonly bool throwOnBrokenRule;
    private readonly Dictionary<(long Theme, long Submission), IReadOnlyList<RuleMatch>> matches = [];
    private readonly HashSet<(long Theme, int Version)> evaluated = [];

    internal RuleEvaluation(ThemeRules rules, ILogger logger, IReadOnlyList<SubmissionPassages> read, IReadOnlyList<Theme> themes, int inquiryId, long? onlyTheme)
    {
        (this.rules, this.logger, throwOnBrokenRule) = (rules, logger, onlyTheme is not null);
        (Read, Themes, InquiryId, OnlyTheme) = (read, themes, inquiryId, onlyTheme);
        Run(themes, read);
    }

    /// <summary>The submissions as read (those that existed), in id order.</summary>
    public IReadOnlyList<SubmissionPassages> Read { get; }

    /// <summary>The themes as read: every theme of the inquiry, or the one of <see cref="OnlyTheme"/>.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    public int InquiryId { get; }

    public long? OnlyTheme { get; }

    internal bool Has(Theme theme) => evaluated.Contains((theme.Id, theme.RuleVersion));

    internal IReadOnlyList<RuleMatch> Matches(Theme theme, IEnumerable<SubmissionPassages> submissions) =>
        submissions.SelectMany(s => matches.GetValueOrDefault((theme.Id, s.Id)) ?? []).ToList();

    internal void Run(IReadOnlyList<Theme> themes, IReadOnlyList<SubmissionPassages> submissions)
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
