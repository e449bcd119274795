using Hangfire;

namespace EvidenceHub.Core.Pipeline;

public sealed class HangfirePipelineQueue(IBackgroundJobClient jobs, PipelineGroups groups) : IPipelineQueue
{
    public const string ProcessQueue = "process";
    public const string RefreshQueue = "refresh";
    public const string ThemesQueue = "themes";

    /// <summary>A single submission waits a moment for others to share its job (<see cref="PipelineGroups"/>).</summary>
    public void Process(long submissionId) => groups.Add(submissionId);

    public void Process(IReadOnlyCollection<long> submissionIds) => groups.Enqueue(submissionIds);

    public void Refresh(long submissionId) =>
        jobs.Enqueue<ProcessSubmissionJob>(RefreshQueue, job => job.RefreshAsync(submissionId, CancellationToken.None));

    public void ApplyTheme(long themeId) =>
        jobs.Enqueue<ApplyThemeRuleJob>(ThemesQueue, job => job.RunAsync(themeId, CancellationToken.None));

    public void DetectCampaigns(int inquiryId) =>
        jobs.Enqueue<Campaigns.DetectCampaignsJob>(ThemesQueue, job => job.RunAsync(inquiryId, CancellationToken.None));
}
