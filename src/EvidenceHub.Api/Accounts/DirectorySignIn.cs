using System.Security.Claims;
using EvidenceHub.Core;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// Turns someone an organisation's directory vouched for (the claims of an identity token the OpenID
/// Connect handler has validated) into an EvidenceHub user, signed in as a password sign-in would be.
/// </summary>
/// <remarks>
/// The user is found by email, or created with no password. Then the directory is authoritative for
/// what it gave: every mapped role is set, and a role or the administrator flag that an earlier
/// directory sign-in gave and the claims no longer carry is taken away. Roles an administrator gave by
/// hand are left alone. Which grants came from the directory is remembered as user claims of type
/// <see cref="GrantClaimType"/> (Identity's own claims table: no schema of our own). A user whose claims
/// map to nothing still signs in, and reads what the public reads.
/// </remarks>
public sealed class DirectorySignIn(
    UserManager<EvidenceUser> users,
    SignInManager<EvidenceUser> signIn,
    UserAccounts accounts,
    AuditLog audit,
    EvidenceDbContext db,
    IOptions<EvidenceHubOptions> options,
    ILogger<DirectorySignIn> logger)
{
    public const string GrantClaimType = "evidencehub:directory-grant";

    /// <summary>Who the audit names for a role the directory gave or took away.</summary>
    public static readonly Actor Directory = new(null, "directory");

    public sealed record Outcome(ClaimsPrincipal? Principal, string? Refusal);

    public async Task<Outcome> SignInAsync(ClaimsPrincipal fromDirectory, CancellationToken cancellationToken)
    {
        // Claim names as they stand in the token: the handler maps no inbound claims.
        var email = fromDirectory.FindFirstValue("email")?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return Refused(null, "The directory did not say who you are: its identity token has no email claim. Ask its administrator to release the email claim to EvidenceHub.");
        }

        if (string.Equals(fromDirectory.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(null, $"The directory has not verified the email address {email}, so EvidenceHub cannot take it as yours.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var created = await accounts.CreateAsync(Directory, email, password: null, fromDirectory.FindFirstValue("name"), isAdmin: false, cancellationToken);
            if (created.User is not { } newUser)
            {
                return Refused(null, created.Problem!);
            }

            user = newUser;
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(new Actor(user.Id, user.Email!), AuditActions.SignInFailed, detail: "openid connect: locked out", cancellationToken: cancellationToken);
            return Refused(user, "This account is locked in EvidenceHub; ask an administrator to unlock it.");
        }

        var settings = options.Value.OpenIdConnect;
        var claimValues = fromDirectory.FindAll(settings.RoleClaim).Select(c => c.Value);
        await ApplyAsync(user, new DirectoryRoleMap(settings.Roles).GrantsFor(claimValues), cancellationToken);

        await audit.WriteAsync(new Actor(user.Id, user.Email!), AuditActions.SignIn, detail: "openid connect", cancellationToken: cancellationToken);
        return new Outcome(await signIn.CreateUserPrincipalAsync(user), null);
    }

    private async Task ApplyAsync(EvidenceUser user, IReadOnlyList<MappedGrant> mapped, CancellationToken cancellationToken)
    {
        var marks = (await users.GetClaimsAsync(user)).Where(c => c.Type == GrantClaimType).ToList();
        var givenBefore = marks.Select(c => DirectoryGrant.TryParse(c.Value, out var grant) ? grant : null).OfType<DirectoryGrant>().ToHashSet();
        var held = await db.Set<InquiryMembership>().AsNoTracking().Where(m => m.UserId == user.Id)
            .Select(m => new { m.Inquiry!.Prefix, m.Role }).ToDictionaryAsync(m => m.Prefix, m => m.Role, StringComparer.Ordinal, cancellationToken);

        // Each change is saved and audited on its own; a sign-in cut short is put right by the next one.
        var givenNow = new HashSet<DirectoryGrant>();
        foreach (var (grant, claim) in mapped)
        {
            if (grant.IsAdmin)
            {
                if (!user.IsAdmin)
                {
                    await accounts.SetAdminAsync(Directory, user, isAdmin: true, $"directory: {claim}");
                }
            }
            else if (!held.TryGetValue(grant.Prefix!, out var role) || role != grant.Role)
            {
                if (await accounts.SetRoleAsync(Directory, user.Id, grant.Prefix!, grant.Role, $"directory: {claim}", cancellationToken) is { } problem)
                {
                    // Most likely an inquiry not created yet: the next sign-in after it is will give the role.
                    logger.LogWarning("The directory's '{Claim}' maps to {Grant}, which could not be given to {Email}: {Problem}", claim, grant, user.Email, problem);
                    continue;
                }
            }

            givenNow.Add(grant);
        }

        foreach (var gone in givenBefore.Except(givenNow))
        {
            if (gone.IsAdmin)
            {
                if (user.IsAdmin)
                {
                    await accounts.SetAdminAsync(Directory, user, isAdmin: false, "no longer given by the directory");
                }
            }
            else if (held.TryGetValue(gone.Prefix!, out var role) && role == gone.Role && !givenNow.Any(g => g.Prefix == gone.Prefix))
            {
                // Only the role the directory gave: one an administrator has since changed by hand stays.
                await accounts.SetRoleAsync(Directory, user.Id, gone.Prefix!, null, "no longer given by the directory", cancellationToken);
            }
        }

        await users.RemoveClaimsAsync(user, marks.Where(c => !DirectoryGrant.TryParse(c.Value, out var grant) || !givenNow.Contains(grant)));
        await users.AddClaimsAsync(user, givenNow.Except(givenBefore).Select(g => new Claim(GrantClaimType, g.ToString())));
    }

    private Outcome Refused(EvidenceUser? user, string why)
    {
        logger.LogInformation("An OpenID Connect sign-in{User} was refused: {Why}", user is null ? "" : $" of {user.Email}", why);
        return new Outcome(null, why);
    }
}
