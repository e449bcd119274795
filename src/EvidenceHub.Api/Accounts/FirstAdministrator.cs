using EvidenceHub.Core;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// Makes sure someone can sign in. With <c>EvidenceHub:Admin:Email</c> and <c>:Password</c> set, that
/// administrator is created, or given that password again (and unlocked), at every start. Without them,
/// the first start of a repository with no users creates <c>admin@localhost</c> with a random password
/// written once to the console; it is never shown again.
/// </summary>
public static class FirstAdministrator
{
    public const string DefaultEmail = "admin@localhost";

    public static async Task EnsureAsync(IServiceProvider services, AdminOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<UserAccounts>();
        var users = services.GetRequiredService<UserManager<EvidenceUser>>();
        if (!string.IsNullOrWhiteSpace(options.Email))
        {
            if (string.IsNullOrEmpty(options.Password))
            {
                throw new InvalidOperationException("EvidenceHub:Admin:Email is set without EvidenceHub:Admin:Password; set both.");
            }

            var existing = await users.FindByEmailAsync(options.Email.Trim());
            if (existing is null)
            {
                var created = await accounts.CreateAsync(Actor.System, options.Email, options.Password, null, isAdmin: true, cancellationToken);
                _ = created.User ?? throw new InvalidOperationException($"The administrator from EvidenceHub:Admin could not be created: {created.Problem}");
                return;
            }

            if (await accounts.SetPasswordAsync(Actor.System, existing, options.Password) is { } problem)
            {
                throw new InvalidOperationException($"EvidenceHub:Admin:Password is not acceptable: {problem}");
            }

            existing.IsAdmin = true;
            await users.UpdateAsync(existing);
            return;
        }

        var db = services.GetRequiredService<EvidenceDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = UserAccounts.RandomPassword();
        var first = await accounts.CreateAsync(Actor.System, DefaultEmail, password, "Administrator", isAdmin: true, cancellationToken);
        _ = first.User ?? throw new InvalidOperationException($"The first administrator could not be created: {first.Problem}");
        await console.WriteLineAsync(
            $"""

            ================================================================
             EvidenceHub made its first administrator. Sign in at /signin:
               email:    {DefaultEmail}
               password: {password}
             This password is shown only this once. Set your own with
             EvidenceHub__Admin__Email and EvidenceHub__Admin__Password.
            ================================================================

            """);
    }
}
