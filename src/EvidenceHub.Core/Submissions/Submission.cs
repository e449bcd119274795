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

    public ProcessingStatus Status { get; set; }

    public ExtractionFailureKind? FailureKind { get; set; }

    public string? FailureReason { get; set; }

    public DocumentType DocumentType { get; set; }

    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Supplied by a clerk for a protected file; kept only until it has been read.</summary>
    public string? Password { get; set; }

    public int? PageCount { get; set; }

    public int PassageCount { get; set; }

    /// <summary>Header facts a transcript printed (committee, date, witnesses), as JSON.</summary>
    public string? MetadataJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    public List<Passage> Passages { get; set; } = [];
}
