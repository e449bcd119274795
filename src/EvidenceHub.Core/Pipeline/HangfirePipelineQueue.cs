using Hangfire;

namespace EvidenceHub.Core.Pipeline;

public sealed class HangfirePipelineQueue(IBackgroundJobClient jobs) : IPipelineQueue
{
    public const string ProcessQueue = "process";
    public const string RefreshQueue = "refresh";
    public const string ThemesQueue = "themes";

    /// <summary>
    /// How many submissions one job processes together. Large enough that a group's fixed costs (its
    /// transactions, its wait for the index) are small beside its work; small enough that a batch is shared
    /// among the workers and its first rows are searchable within a second or two.
    /// </summary>
    public const int GroupSize = 25;

    public void Process(long submissionId) =>
        jobs.Enqueue<ProcessSubmissionJob>(ProcessQueue, job => job.RunAsync(submissionId, CancellationToken.None));

    public void Process(IReadOnlyCollection<long> submissionIds)
    {
        foreach (var group in submissionIds.Distinct().Order().Chunk(GroupSize))
        {
            if (group.Length == 1)
            {
                Process(group[0]);
                continue;
            }

            jobs.Enqueue<ProcessSubmissionJob>(ProcessQueue, job => job.RunManyAsync(group, CancellationToken.None));
        }
    }

    public void Refresh(long submissionId) =>
        jobs.Enqueue<ProcessSubmissionJob>(RefreshQueue, job => job.RefreshAsync(submissionId, CancellationToken.None));

    public void ApplyTheme(long themeId) =>
        jobs.Enqueue<ApplyThemeRuleJob>(ThemesQueue, job => job.RunAsync(themeId, CancellationToken.None));

    public void DetectCampaigns(int inquiryId) =>
        jobs.Enqueue<Campaigns.DetectCampaignsJob>(ThemesQueue, job => job.RunAsync(inquiryId, CancellationToken.None));
}
