using Hangfire;

namespace EvidenceHub.Core.Pipeline;

public sealed class HangfirePipelineQueue(IBackgroundJobClient jobs) : IPipelineQueue
{
    public const string ExtractQueue = "extract";
    public const string IndexQueue = "index";
    public const string ThemesQueue = "themes";

    public void Extract(long submissionId) =>
        jobs.Enqueue<ExtractSubmissionJob>(ExtractQueue, job => job.RunAsync(submissionId, CancellationToken.None));

    public void Index(long submissionId) =>
        jobs.Enqueue<IndexSubmissionJob>(IndexQueue, job => job.RunAsync(submissionId, CancellationToken.None));

    public void Refresh(long submissionId) =>
        jobs.Enqueue<IndexSubmissionJob>(IndexQueue, job => job.RefreshAsync(submissionId, CancellationToken.None));

    public void Reindex() =>
        jobs.Enqueue<ReindexJob>(IndexQueue, job => job.RunAsync(CancellationToken.None));

    public void ApplyTheme(long themeId) =>
        jobs.Enqueue<ApplyThemeRuleJob>(ThemesQueue, job => job.RunAsync(themeId, CancellationToken.None));

}
