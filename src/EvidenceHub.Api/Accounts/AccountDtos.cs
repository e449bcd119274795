using EvidenceHub.Api.Access;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Api.Accounts;

public sealed record SignInRequest(string? Email, string? Password);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record MembershipDto(string Inquiry, string Role);

public sealed record MeDto(bool SignedIn, long? Id, string? Email, bool IsAdmin, IReadOnlyList<MembershipDto> Roles);

public sealed record CreateTokenRequest(string? Name, DateTimeOffset? ExpiresAt, int? Days);

public sealed record PersonalTokenDto(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, bool Revoked);

public sealed record CreatedTokenDto(long Id, string Name, string Token, DateTimeOffset ExpiresAt);

public sealed record UserDto(long Id, string Email, string? DisplayName, bool IsAdmin, bool LockedOut, IReadOnlyList<MembershipDto> Roles);

public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, bool? IsAdmin);

public sealed record UpdateUserRequest(string? DisplayName, bool? IsAdmin, string? Password, bool? Unlock);

public sealed record MemberRequest(string? Role);

public static class AccountMapping
{
    public static MeDto AsDto(this Caller caller) => new(
        caller.IsSignedIn, caller.UserId, caller.Email, caller.IsAdmin,
        caller.Memberships.OrderBy(m => m.Prefix).Select(m => new MembershipDto(m.Prefix, m.Role.ToCode())).ToList());

    public static PersonalTokenDto AsDto(this PersonalToken t) => new(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt is not null);

    public static UserDto AsDto(this EvidenceUser u, DateTimeOffset now) => new(
        u.Id, u.Email ?? "", u.DisplayName, u.IsAdmin, u.LockoutEnd > now,
        u.Memberships.OrderBy(m => m.Inquiry?.Prefix).Select(m => new MembershipDto(m.Inquiry?.Prefix ?? "", m.Role.ToCode())).ToList());
}
