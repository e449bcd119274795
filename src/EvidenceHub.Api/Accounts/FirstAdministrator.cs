using EvidenceHub.Core;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// Makes sure someone can sign in. With <c>EvidenceHub:Admin:Email</c> and <c>:Password</c> set, that
/// administrator is created, or given that password again (and unlocked) where it differs, at every start
/// of every node. Without them,
/// the first start of a repository with no users creates <c>admin@localhost</c> with a random password
/// written once to the console; it is never shown again.
/// </summary>
public static class FirstAdministrator
{
    public const string DefaultEmail = "admin@localhost";

    public static async Task EnsureAsync(IServiceProvider services, AdminOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        // Nodes of a cluster start at the same moment: the one that loses a race (two creations of the
        // administrator, two password resets) finds the winner's work when it looks again, with nothing left to do.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureOnceAsync(services, options, console, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or InvalidOperationException)
            {
                services.GetRequiredService<EvidenceDbContext>().ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
    }

    private static async Task EnsureOnceAsync(IServiceProvider services, AdminOptions options, TextWriter console, CancellationToken cancellationToken)
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

            if (existing.IsAdmin && existing.AccessFailedCount == 0 && !await users.IsLockedOutAsync(existing)
                && await users.CheckPasswordAsync(existing, options.Password))
            {
                return; // as configured already: no new security stamp, so no session ends because a node started
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
