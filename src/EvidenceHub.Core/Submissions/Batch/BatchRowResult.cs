namespace EvidenceHub.Core.Submissions.Batch;

public enum BatchOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>What became of one file of a batch: its reference, the reference it duplicates, or why it was refused.</summary>
public sealed record BatchRowResult(string File, BatchOutcome Outcome, string? Reference = null, string? ExistingReference = null, string? Reason = null);

public abstract record BatchResult
{
    public sealed record Processed(IReadOnlyList<BatchRowResult> Rows) : BatchResult;

    public sealed record Refused(IntakeRefusal Reason, string Detail) : BatchResult;
}
