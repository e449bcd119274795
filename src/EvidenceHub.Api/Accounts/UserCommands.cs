using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// <c>users add EMAIL --role ROLE [--inquiry PREFIX] [--password P]</c>, <c>users token EMAIL [--days N]</c>,
/// <c>users list</c>: managing users from the command line, on the same database as the service.
/// </summary>
public static class UserCommands
{
    public const string Usage =
        "usage: users add EMAIL --role admin|clerk|researcher|author [--inquiry PREFIX] [--password PASSWORD]\n" +
        "       users token EMAIL [--days N]\n" +
        "       users list";

    /// <summary>Runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = Options(args);
        return args switch
        {
            ["users", "list"] => await ListAsync(services, output, cancellationToken),
            ["users", "add", var email, ..] when options.TryGetValue("role", out var role) =>
                await AddAsync(services, email, role, options.GetValueOrDefault("inquiry"), options.GetValueOrDefault("password"), output, cancellationToken),
            ["users", "token", var email, ..] => await TokenAsync(services, email, options.GetValueOrDefault("days"), output, cancellationToken),
            _ => Fail(output, Usage),
        };
    }

    private static async Task<int> AddAsync(IServiceProvider services, string email, string role, string? inquiry, string? password,
        TextWriter output, CancellationToken cancellationToken)
    {
        var isAdmin = role.Equals("admin", StringComparison.OrdinalIgnoreCase);
        InquiryRole inquiryRole = default;
        if (!isAdmin && (!Codes.TryParse(role, out inquiryRole) || string.IsNullOrWhiteSpace(inquiry)))
        {
            return Fail(output, $"'{role}' needs an inquiry: --role clerk|researcher|author --inquiry PREFIX (or --role admin).");
        }

        var accounts = services.GetRequiredService<UserAccounts>();
        var users = services.GetRequiredService<UserManager<EvidenceUser>>();
        var user = await users.FindByEmailAsync(email);
        string? shown = null;
        if (user is null)
        {
            shown = password is null ? UserAccounts.RandomPassword() : null;
            var created = await accounts.CreateAsync(Actor.System, email, password ?? shown, null, isAdmin, cancellationToken);
            if (created.User is null)
            {
                return Fail(output, created.Problem!);
            }

            user = created.User;
        }
        else if (isAdmin && !user.IsAdmin)
        {
            user.IsAdmin = true;
            await users.UpdateAsync(user);
        }

        if (!isAdmin && await accounts.SetRoleAsync(Actor.System, user.Id, inquiry!.Trim().ToUpperInvariant(), inquiryRole, cancellationToken) is { } problem)
        {
            return Fail(output, problem);
        }

        await output.WriteLineAsync($"{email}: {(isAdmin ? "administrator" : $"{inquiryRole.ToCode()} in {inquiry!.ToUpperInvariant()}")}");
        if (shown is not null)
        {
            await output.WriteLineAsync($"password (shown once): {shown}");
        }

        return 0;
    }

    private static async Task<int> TokenAsync(IServiceProvider services, string email, string? days, TextWriter output, CancellationToken cancellationToken)
    {
        var user = await services.GetRequiredService<UserManager<EvidenceUser>>().FindByEmailAsync(email);
        if (user is null)
        {
            return Fail(output, $"There is no user with the email {email}.");
        }

        var lifetime = int.TryParse(days, out var d) && d is > 0 and <= 366 ? d : 90;
        var clock = services.GetRequiredService<TimeProvider>();
        var issued = services.GetRequiredService<TokenIssuer>().Issue(user.Id, "command line", clock.GetUtcNow().AddDays(lifetime), personal: true);
        services.GetRequiredService<AuditLog>().Add(Actor.System, AuditActions.TokenCreated, detail: $"{email}: token 'command line' for {lifetime} days");
        await services.GetRequiredService<EvidenceDbContext>().SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync(issued.Token);
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var users = await services.GetRequiredService<EvidenceDbContext>().Users.AsNoTracking()
            .Include(u => u.Memberships).ThenInclude(m => m.Inquiry).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            var roles = user.Memberships.Select(m => $"{m.Role.ToCode()} in {m.Inquiry!.Prefix}").ToList();
            if (user.IsAdmin)
            {
                roles.Insert(0, "administrator");
            }

            await output.WriteLineAsync($"{user.Email}\t{(roles.Count == 0 ? "no role" : string.Join(", ", roles))}");
        }

        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[i + 1];
            }
        }

        return options;
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 2;
    }
}
