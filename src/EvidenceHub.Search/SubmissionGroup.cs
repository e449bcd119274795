namespace EvidenceHub.Search;

/// <summary>A matching submission on the page being shown: its best score and its best passages (global doc ids) in score order.</summary>
internal sealed record SubmissionGroup(long SubmissionId, string Reference, long Received, float Score, IReadOnlyList<(int Doc, float Score)> Best);
