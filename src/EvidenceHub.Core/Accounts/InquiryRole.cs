namespace EvidenceHub.Core.Accounts;

/// <summary>
/// What a user does in one inquiry. Every role reads the inquiry's unpublished evidence and its
/// anonymous submitters' names; beyond that each has its own work. <c>admin</c> is not a role of an
/// inquiry but of the whole repository (<see cref="EvidenceUser.IsAdmin"/>).
/// </summary>
public enum InquiryRole
{
    /// <summary>Upload, batches, metadata, publication, versions, passwords, deletion.</summary>
    Clerk,

    /// <summary>The codebook and its tags.</summary>
    Researcher,

    /// <summary>Quotes, collections, exports and citation templates.</summary>
    Author,
}
