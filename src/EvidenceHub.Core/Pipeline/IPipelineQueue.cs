namespace EvidenceHub.Core.Pipeline;

/// <summary>Puts pipeline work on the job queue; jobs take ids only, and any worker node may run them.</summary>
public interface IPipelineQueue
{
    /// <summary>Runs a submission through the pipeline (<see cref="ProcessSubmissionJob"/>): a new file, a corrected version, a supplied password.</summary>
    void Process(long submissionId);

    /// <summary>
    /// Runs many submissions through the pipeline in groups (<see cref="ProcessSubmissionJob.RunManyAsync"/>):
    /// a batch's rows, or those the reconciler finds unfinished.
    /// </summary>
    void Process(IReadOnlyCollection<long> submissionIds);

    /// <summary>
    /// Refreshes a submission's index entry after a change that is not a new file (its themes, names a rule
    /// reads); never changes its status.
    /// </summary>
    void Refresh(long submissionId);

    /// <summary>Re-evaluates one theme's rule over its inquiry.</summary>
    void ApplyTheme(long themeId);

    /// <summary>Runs campaign detection over a whole inquiry (<see cref="Campaigns.DetectCampaignsJob"/>).</summary>
    void DetectCampaigns(int inquiryId);
}
