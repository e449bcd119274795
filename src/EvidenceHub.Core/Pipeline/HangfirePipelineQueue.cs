using Hangfire;

namespace EvidenceHub.Core.Pipeline;

public sealed class HangfirePipelineQueue(IBackgroundJobClient jobs) : IPipelineQueue
{
    public const string ProcessQueue = "process";
    public const string RefreshQueue = "refresh";
    public const string ThemesQueue = "themes";

    public void Process(long submissionId) =>
        jobs.Enqueue<ProcessSubmissionJob>(ProcessQueue, job => job.RunAsync(submissionId, CancellationToken.None));

    public void Refresh(long submissionId) =>
        jobs.Enqueue<ProcessSubmissionJob>(RefreshQueue, job => job.RefreshAsync(submissionId, CancellationToken.None));

    public void ApplyTheme(long themeId) =>
        jobs.Enqueue<ApplyThemeRuleJob>(ThemesQueue, job => job.RunAsync(themeId, CancellationToken.None));

    public void DetectCampaigns(int inquiryId) =>
        jobs.Enqueue<Campaigns.DetectCampaignsJob>(ThemesQueue, job => job.RunAsync(inquiryId, CancellationToken.None));
}
