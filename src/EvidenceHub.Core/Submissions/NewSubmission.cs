namespace EvidenceHub.Core.Submissions;

/// <summary>
/// What a clerk hands over: the file and what they know of its submitter. A submission starts received
/// (not public); only the sample inquiry's loader starts some published, as its manifest says.
/// </summary>
public sealed record NewSubmission(
    string FileName,
    byte[] Content,
    SubmissionKind Kind,
    string SubmitterName,
    string? Organisation = null,
    SubmitterCategory? Category = null,
    DateOnly? ReceivedOn = null,
    string? Title = null,
    bool Anonymous = false,
    string? Password = null,
    Publication Publication = Publication.Received);

/// <summary>The outcome of an upload: accepted, a duplicate of an earlier one, or refused with a reason.</summary>
public abstract record IntakeResult
{
    public sealed record Accepted(Submission Submission) : IntakeResult;

    public sealed record Duplicate(string ExistingReference) : IntakeResult;

    public sealed record Refused(IntakeRefusal Reason, string Detail) : IntakeResult;
}

public enum IntakeRefusal
{
    InquiryNotFound,
    Empty,
    TooLarge,
    UnsupportedType,
}
