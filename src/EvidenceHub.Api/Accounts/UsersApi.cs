using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>Users and their roles per inquiry, for administrators.</summary>
public static class UsersApi
{
    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAdmin();
        users.MapGet("/", ListAsync);
        users.MapPost("/", CreateAsync);
        users.MapGet("/{id:long}", GetAsync);
        users.MapPut("/{id:long}", UpdateAsync);

        var members = app.MapGroup("/api/inquiries/{prefix}/members").WithTags("Users").RequireAdmin();
        members.MapGet("/", MembersAsync);
        members.MapPut("/{userId:long}", SetRoleAsync);
        members.MapDelete("/{userId:long}", RemoveRoleAsync);
    }

    private static IQueryable<EvidenceUser> WithRoles(EvidenceDbContext db) =>
        db.Users.AsNoTracking().Include(u => u.Memberships).ThenInclude(m => m.Inquiry);

    private static async Task<Ok<List<UserDto>>> ListAsync(EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var all = await WithRoles(db).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(u => u.AsDto(clock.GetUtcNow())).ToList());
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(long id, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithRoles(db).FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
            ? TypedResults.Ok(user.AsDto(clock.GetUtcNow()))
            : Problems.NotFound($"The user {id}");

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, Caller caller, UserAccounts accounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateAsync(caller.Actor, request.Email, request.Password, request.DisplayName, request.IsAdmin ?? false, cancellationToken);
        return created.User is { } user
            ? TypedResults.Created($"/api/users/{user.Id}", user.AsDto(clock.GetUtcNow()))
            : Problems.BadRequest("The user could not be created", created.Problem!);
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateUserRequest request, Caller caller, UserManager<EvidenceUser> users, UserAccounts accounts, AuditLog audit,
        EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Problems.NotFound($"The user {id}");
        }

        if (request.IsAdmin == false && user.Id == caller.UserId)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "You cannot remove your own administrator role",
                "Ask another administrator to do it, so the repository is never left without one.");
        }

        if (!string.IsNullOrEmpty(request.Password) && await accounts.SetPasswordAsync(caller.Actor, user, request.Password) is { } problem)
        {
            return Problems.BadRequest("The password is not acceptable", problem);
        }

        user.DisplayName = request.DisplayName is null ? user.DisplayName : request.DisplayName.Trim() is { Length: > 0 } name ? name : null;
        user.IsAdmin = request.IsAdmin ?? user.IsAdmin;
        if (request.Unlock == true)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        await users.UpdateAsync(user);
        await audit.WriteAsync(caller.Actor, AuditActions.UserChanged,
            detail: $"{user.Email}{(request.IsAdmin is { } admin ? admin ? ": administrator" : ": not administrator" : "")}{(request.Unlock == true ? ": unlocked" : "")}",
            cancellationToken: cancellationToken);
        var saved = await WithRoles(db).FirstAsync(u => u.Id == id, cancellationToken);
        return TypedResults.Ok(saved.AsDto(clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<List<UserDto>>, ProblemHttpResult>> MembersAsync(
        string prefix, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Inquiries.AnyAsync(i => i.Prefix == prefix, cancellationToken))
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var members = await WithRoles(db).Where(u => u.Memberships.Any(m => m.Inquiry!.Prefix == prefix))
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(u => u.AsDto(clock.GetUtcNow())).ToList());
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> SetRoleAsync(
        string prefix, long userId, MemberRequest request, Caller caller, UserAccounts accounts, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Codes.TryParse<InquiryRole>(request.Role, out var role))
        {
            return Problems.BadRequest("Unknown role", $"'{request.Role}' is not a role in an inquiry; use one of {Codes.List<InquiryRole>()}.");
        }

        return await accounts.SetRoleAsync(caller.Actor, userId, prefix, role, cancellationToken) is { } problem
            ? Problems.NotFound(problem.TrimEnd('.').Replace("There is no ", "The ", StringComparison.Ordinal))
            : TypedResults.Ok((await WithRoles(db).FirstAsync(u => u.Id == userId, cancellationToken)).AsDto(clock.GetUtcNow()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveRoleAsync(
        string prefix, long userId, Caller caller, UserAccounts accounts, CancellationToken cancellationToken) =>
        await accounts.SetRoleAsync(caller.Actor, userId, prefix, null, cancellationToken) is { } problem
            ? Problems.NotFound(problem.TrimEnd('.').Replace("There is no ", "The ", StringComparison.Ordinal))
            : TypedResults.NoContent();
}
