namespace EvidenceHub.Core.Pipeline;

/// <summary>Puts pipeline work on the job queue; jobs take ids only.</summary>
public interface IPipelineQueue
{
    void Extract(long submissionId);

    void Index(long submissionId);

    void Reindex();

    /// <summary>Re-evaluates one theme's rule over its inquiry.</summary>
    void ApplyTheme(long themeId);
}
