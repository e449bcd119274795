using System.Diagnostics.CodeAnalysis;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Accounts;

/// <summary>
/// What an organisation's directory can give a user: administrator (<see cref="Role"/> null), or one
/// role in one inquiry. Written <c>admin</c> or <c>clerk:LBN</c>, in configuration and in the marks that
/// remember which of a user's roles came from the directory.
/// </summary>
public sealed record DirectoryGrant(InquiryRole? Role, string? Prefix)
{
    public static readonly DirectoryGrant Admin = new(null, null);

    public bool IsAdmin => Role is null;

    public override string ToString() => Role is { } role ? $"{role.ToCode()}:{Prefix}" : "admin";

    public static bool TryParse(string? text, [NotNullWhen(true)] out DirectoryGrant? grant)
    {
        grant = null;
        text = text?.Trim() ?? "";
        if (text.Equals("admin", StringComparison.OrdinalIgnoreCase))
        {
            grant = Admin;
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !Codes.TryParse<InquiryRole>(text[..colon], out var role))
        {
            return false;
        }

        var prefix = text[(colon + 1)..].Trim().ToUpperInvariant();
        if (prefix.Length is < 3 or > 5 || !prefix.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        grant = new DirectoryGrant(role, prefix);
        return true;
    }
}

/// <summary>A grant and the claim value that earned it (the audit names it).</summary>
public sealed record MappedGrant(DirectoryGrant Grant, string Claim);

/// <summary>
/// <c>EvidenceHub:OpenIdConnect:Roles</c>: claim values (group or app-role names) to grants. A user holds at
/// most one role in an inquiry, so when several of their claims map to roles in the same inquiry the
/// first in the order clerk, researcher, author is the one given.
/// </summary>
public sealed class DirectoryRoleMap
{
    private readonly Dictionary<string, DirectoryGrant> grants = new(StringComparer.OrdinalIgnoreCase);

    public DirectoryRoleMap(IReadOnlyDictionary<string, string> roles)
    {
        foreach (var (claim, text) in roles)
        {
            grants[claim] = DirectoryGrant.TryParse(text, out var grant)
                ? grant
                : throw new ArgumentException($"'{text}' (for '{claim}') is not admin or role:PREFIX.", nameof(roles));
        }
    }

    public IReadOnlyList<MappedGrant> GrantsFor(IEnumerable<string> claimValues)
    {
        var mapped = claimValues
            .Select(value => grants.TryGetValue(value, out var grant) ? new MappedGrant(grant, value) : null)
            .OfType<MappedGrant>()
            .ToList();
        var admin = mapped.Where(m => m.Grant.IsAdmin).Take(1);
        var perInquiry = mapped.Where(m => !m.Grant.IsAdmin)
            .GroupBy(m => m.Grant.Prefix, StringComparer.Ordinal)
            .Select(inquiry => inquiry.OrderBy(m => m.Grant.Role).First());
        return [.. admin, .. perInquiry.OrderBy(m => m.Grant.Prefix, StringComparer.Ordinal)];
    }
}
