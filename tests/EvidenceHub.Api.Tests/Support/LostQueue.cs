using EvidenceHub.Core.Pipeline;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// A job queue that loses everything, as an in-memory queue does when the process dies: a submission
/// uploaded through it stays queued until a later host's reconciler picks it up.
/// </summary>
public sealed class LostQueue : IPipelineQueue
{
    public void Process(long submissionId)
    {
    }

    public void Process(IReadOnlyCollection<long> submissionIds)
    {
    }

    public void Refresh(long submissionId)
    {
    }

    public void ApplyTheme(long themeId)
    {
    }

    public void DetectCampaigns(int inquiryId)
    {
    }
}
