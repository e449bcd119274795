using EvidenceHub.Core.Inquiries;
using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Submissions;

public sealed class Submission
{
    public long Id { get; set; }

    public int InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    public int Number { get; set; }

    /// <summary>Prefix + 4 digits (<c>LBN0012</c>): the public identifier, never reused.</summary>
    public required string Reference { get; set; }

    public SubmissionKind Kind { get; set; }

    public string? Title { get; set; }

    public required string SubmitterName { get; set; }

    public string? Organisation { get; set; }

    public SubmitterCategory? Category { get; set; }

    public bool Anonymous { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    public Publication Publication { get; set; }

    /// <summary>Where processing is: changed only by <see cref="Queue"/>, <see cref="Start"/>, <see cref="MarkIndexed"/> and <see cref="Fail"/>.</summary>
    public ProcessingStatus Status { get; private set; }

    public ExtractionFailureKind? FailureKind { get; private set; }

    public string? FailureReason { get; private set; }

    public DocumentType DocumentType { get; set; }

    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Supplied by a clerk for a protected file; kept only until it has been read.</summary>
    public string? Password { get; set; }

    public int? PageCount { get; set; }

    public int PassageCount { get; set; }

    /// <summary>
    /// The share (0 to 1) of the words of the file's text layer that its passages and metadata hold; below
    /// <see cref="Extraction.Coverage.WordCoverage.Required"/> the record and the desk carry a plain warning. Null
    /// until read (and for files read before it was measured).
    /// </summary>
    public double? WordCoverage { get; set; }

    /// <summary>The plain warning a short <see cref="WordCoverage"/> gives, or null.</summary>
    public string? ExtractionWarning => Extraction.Coverage.WordCoverage.Warning(WordCoverage);

    /// <summary>Header facts a transcript printed (committee, date, witnesses), as JSON.</summary>
    public string? MetadataJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Goes up by one each time the submission's passages are replaced (in that transaction). Work that
    /// read the passages (theme rules) writes its results only while it is unchanged.
    /// </summary>
    public int ContentVersion { get; set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public List<Passage> Passages { get; set; } = [];

    // Processing status has one owner: these methods. A new submission, a corrected version, a supplied
    // password or a change of kind queues it; the pipeline starts, indexes or fails it.

    /// <summary>To be read (again): queued, with any earlier failure cleared.</summary>
    public void Queue(DateTimeOffset now) => Move(ProcessingStatus.Queued, null, null, now);

    /// <summary>Its file is being read.</summary>
    public void Start(DateTimeOffset now) => Move(ProcessingStatus.Extracting, null, null, now);

    /// <summary>Its passages are stored and searchable.</summary>
    public void MarkIndexed(DateTimeOffset now) => Move(ProcessingStatus.Indexed, null, null, now);

    /// <summary>It could not be read, for this reason in plain words.</summary>
    public void Fail(ExtractionFailureKind kind, string reason, DateTimeOffset now) => Move(ProcessingStatus.Failed, kind, reason, now);

    private void Move(ProcessingStatus status, ExtractionFailureKind? kind, string? reason, DateTimeOffset now)
    {
        Status = status;
        FailureKind = kind;
        FailureReason = reason;
        StatusChangedAt = now;
    }
}
