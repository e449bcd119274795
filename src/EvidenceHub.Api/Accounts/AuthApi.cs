using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>
/// Signing in: a bearer token for scripts (<c>POST /api/auth/token</c>), the cookie for the web page
/// (<c>POST /api/auth/signin</c>, antiforgery-protected), sign-in through the organisation's directory
/// (<see cref="DirectorySignInApi"/>), who am I, and personal tokens.
/// </summary>
public static class AuthApi
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/token", TokenAsync).AllowPublic();
        auth.MapPost("/signin", SignInAsync).AllowPublic();
        auth.MapPost("/signout", SignOutAsync).RequireSignedIn();
        auth.MapGet("/antiforgery", Antiforgery).AllowPublic();
        auth.MapDirectorySignIn();

        // The page's sign-in form at the short address the cookie sends pages to (LoginPath).
        app.MapGet("/signin", SignInPage).AllowPublic().ExcludeFromDescription();

        var me = app.MapGroup("/api/me").WithTags("Sign-in");
        me.MapGet("/", (Caller caller) => TypedResults.Ok(caller.AsDto())).AllowPublic();
        me.MapGet("/tokens", PersonalTokens.ListAsync).RequireSignedIn();
        me.MapPost("/tokens", PersonalTokens.CreateAsync).RequireSignedIn();
        me.MapDelete("/tokens/{id:long}", PersonalTokens.RevokeAsync).RequireSignedIn();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(
        SignInRequest request, PasswordCheck passwords, TokenIssuer tokens, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var checkedUser = await passwords.CheckAsync(request, cancellationToken);
        if (checkedUser.User is not { } user)
        {
            return checkedUser.Problem!;
        }

        var expiresAt = clock.GetUtcNow() + TokenIssuer.SignInLifetime;
        var issued = tokens.Issue(user.Id, "sign-in", expiresAt, personal: false);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(issued.Token, expiresAt));
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, PasswordCheck passwords, SignInManager<EvidenceUser> signIn, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var checkedUser = await passwords.CheckAsync(request, cancellationToken);
        if (checkedUser.User is not { } user)
        {
            return checkedUser.Problem!;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Ok((await CallerResolution.LoadAsync(db, user.Id, clock.GetUtcNow(), cancellationToken)).AsDto());
    }

    private static async Task<NoContent> SignOutAsync(Caller caller, SignInManager<EvidenceUser> signIn, AuditLog audit, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        await audit.WriteAsync(caller.Actor, AuditActions.SignOut, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    private static Results<PhysicalFileHttpResult, NotFound> SignInPage(IWebHostEnvironment environment) =>
        environment.WebRootFileProvider.GetFileInfo("signin.html") is { Exists: true, PhysicalPath: { } path }
            ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8")
            : TypedResults.NotFound();

    /// <summary>The token the page sends back in <see cref="AntiforgeryCheck.HeaderName"/> with every change.</summary>
    private static Ok<AntiforgeryTokenDto> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AntiforgeryTokenDto(tokens.RequestToken!, AntiforgeryCheck.HeaderName));
    }
}

public sealed record AntiforgeryTokenDto(string Token, string HeaderName);
