using System.Security.Cryptography;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// Creating users and granting roles, the same rules for the users API, the command line and the
/// first administrator at start-up. Each change is audited with who made it.
/// </summary>
public sealed class UserAccounts(UserManager<EvidenceUser> users, EvidenceDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record Result(EvidenceUser? User, string? Problem);

    public async Task<Result> CreateAsync(Actor actor, string? email, string? password, string? displayName, bool isAdmin, CancellationToken cancellationToken)
    {
        email = email?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            return new Result(null, "Give the user's email address.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return new Result(null, $"There is already a user with the email {email}.");
        }

        var user = new EvidenceUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            IsAdmin = isAdmin,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new Result(null, Describe(created));
        }

        await audit.WriteAsync(actor, AuditActions.UserCreated, detail: $"{email}{(isAdmin ? " (administrator)" : "")}", cancellationToken: cancellationToken);
        return new Result(user, null);
    }

    /// <summary>Sets (or, with a null role, removes) a user's role in an inquiry.</summary>
    public Task<string?> SetRoleAsync(Actor actor, long userId, string prefix, InquiryRole? role, CancellationToken cancellationToken) =>
        SetRoleAsync(actor, userId, prefix, role, reason: null, cancellationToken);

    /// <summary>Sets or removes a role, with why (the audit entry says it) when it is not a person's decision.</summary>
    public async Task<string?> SetRoleAsync(Actor actor, long userId, string prefix, InquiryRole? role, string? reason, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (inquiry is null || user is null)
        {
            return inquiry is null ? $"There is no inquiry '{prefix}'." : $"There is no user {userId}.";
        }

        var membership = await db.Set<InquiryMembership>().FirstOrDefaultAsync(m => m.UserId == userId && m.InquiryId == inquiry.Id, cancellationToken);
        if (role is null)
        {
            if (membership is not null)
            {
                db.Remove(membership);
            }
        }
        else if (membership is null)
        {
            db.Add(new InquiryMembership { UserId = userId, InquiryId = inquiry.Id, Role = role.Value, GrantedAt = clock.GetUtcNow() });
        }
        else
        {
            membership.Role = role.Value;
        }

        audit.Add(actor, AuditActions.RoleChanged, inquiry.Prefix, detail: $"{user.Email}: {(role is null ? "no role" : role.Value.ToCode())}{Because(reason)}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Makes a user an administrator of the whole repository, or no longer one, audited as a role change.</summary>
    public async Task SetAdminAsync(Actor actor, EvidenceUser user, bool isAdmin, string? reason)
    {
        user.IsAdmin = isAdmin;
        audit.Add(actor, AuditActions.RoleChanged, detail: $"{user.Email}: {(isAdmin ? "admin" : "not admin")}{Because(reason)}");
        var updated = await users.UpdateAsync(user); // saves the audit entry with the change
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException($"The administrator role of {user.Email} could not be changed: {Describe(updated)}");
        }
    }

    public async Task<string?> SetPasswordAsync(Actor actor, EvidenceUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Describe(reset);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(actor, AuditActions.UserChanged, detail: $"{user.Email}: password set");
        return null;
    }

    /// <summary>A password of 20 characters from an alphabet with no look-alike letters.</summary>
    public static string RandomPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})";

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
