using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// Checks an email and password with lockout after repeated failures. An unknown email and a wrong
/// password get the same 401, so the answer does not tell which emails have accounts; a locked-out
/// account gets 429 until the lockout ends. Both outcomes are audited.
/// </summary>
public sealed class PasswordCheck(UserManager<EvidenceUser> users, SignInManager<EvidenceUser> signIn, AuditLog audit, TimeProvider clock)
{
    public sealed record Outcome(EvidenceUser? User, ProblemHttpResult? Problem);

    public async Task<Outcome> CheckAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim() ?? "";
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            await audit.WriteAsync(new Actor(null, Clip(email)), AuditActions.SignInFailed, detail: "unknown email or no password", cancellationToken: cancellationToken);
            return Refused();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(new Actor(user.Id, user.Email!), AuditActions.SignInFailed, detail: "locked out", cancellationToken: cancellationToken);
            var seconds = Math.Max(1, (int)Math.Ceiling(((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalSeconds));
            return new Outcome(null, Problems.Of(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins",
                $"This account is locked for {Math.Ceiling(seconds / 60.0)} minute(s) after repeated wrong passwords; try again later or ask an administrator to unlock it.",
                new Dictionary<string, object?> { ["retryAfter"] = seconds }));
        }

        if (!result.Succeeded)
        {
            await audit.WriteAsync(new Actor(user.Id, user.Email!), AuditActions.SignInFailed, detail: "wrong password", cancellationToken: cancellationToken);
            return Refused();
        }

        await audit.WriteAsync(new Actor(user.Id, user.Email!), AuditActions.SignIn, cancellationToken: cancellationToken);
        return new Outcome(user, null);
    }

    private static Outcome Refused() => new(null, Problems.Of(StatusCodes.Status401Unauthorized, "The email or password is not right",
        "Check both and try again; after repeated failures the account is locked for a while."));

    private static string Clip(string email) => email.Length == 0 ? "(no email)" : email[..Math.Min(email.Length, 256)];
}
