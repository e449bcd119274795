namespace EvidenceHub.Core.Pipeline;

/// <summary>Puts pipeline work on the job queue; jobs take ids only.</summary>
public interface IPipelineQueue
{
    void Extract(long submissionId);

    /// <summary>Indexes a submission whose extraction has finished, and then marks it indexed.</summary>
    void Index(long submissionId);

    /// <summary>
    /// Brings a submission's index entry up to date after a change that is not a new extraction (tags,
    /// publication); never changes its status, so it cannot mark a submission indexed while a new version
    /// of its file waits to be read.
    /// </summary>
    void Refresh(long submissionId);

    void Reindex();

    /// <summary>Re-evaluates one theme's rule over its inquiry.</summary>
    void ApplyTheme(long themeId);
}
