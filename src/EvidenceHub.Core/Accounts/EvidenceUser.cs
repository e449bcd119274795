using Microsoft.AspNetCore.Identity;

namespace EvidenceHub.Core.Accounts;

/// <summary>
/// A member of staff who signs in: an ASP.NET Core Identity user (email, password hash, lockout) with
/// the name the audit shows, whether they administer the whole repository, and their roles per inquiry.
/// </summary>
public sealed class EvidenceUser : IdentityUser<long>
{
    public string? DisplayName { get; set; }

    /// <summary>Everything, in every inquiry: users, the job dashboard, reindexing, the audit log.</summary>
    public bool IsAdmin { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<InquiryMembership> Memberships { get; set; } = [];

    /// <summary>The name an audit entry or a tag shows for this user.</summary>
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? $"user {Id}" : DisplayName;
}
