using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Accounts;

/// <summary>A signed-in user's own named tokens for scripts: listed (never shown again), created with an expiry, revoked.</summary>
public static class PersonalTokens
{
    public static async Task<Ok<List<PersonalTokenDto>>> ListAsync(Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<PersonalToken>().AsNoTracking()
            .Where(t => t.UserId == caller.UserId && t.Personal)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(t => t.AsDto()).ToList());
    }

    public static async Task<Results<Created<CreatedTokenDto>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, Caller caller, TokenIssuer tokens, AuditLog audit, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            return Problems.BadRequest("The token needs a name", "Name the token (up to 100 characters) after the script that will use it.");
        }

        var now = clock.GetUtcNow();
        var expiresAt = request.ExpiresAt ?? now.AddDays(request.Days ?? 90);
        if (expiresAt <= now || expiresAt > now + TokenIssuer.MaxPersonalLifetime)
        {
            return Problems.BadRequest("The expiry is not valid",
                $"A token must expire after now and within {TokenIssuer.MaxPersonalLifetime.TotalDays:0} days; give expiresAt or days.");
        }

        var issued = tokens.Issue(caller.UserId!.Value, name, expiresAt, personal: true);
        audit.Add(caller.Actor, AuditActions.TokenCreated, detail: $"token '{name}', expires {expiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/me/tokens/{issued.Row.Id}", new CreatedTokenDto(issued.Row.Id, name, issued.Token, expiresAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        long id, Caller caller, AuditLog audit, EvidenceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var token = await db.Set<PersonalToken>().FirstOrDefaultAsync(t => t.Id == id && t.UserId == caller.UserId && t.Personal, cancellationToken);
        if (token is null)
        {
            return Problems.NotFound($"Your token {id}");
        }

        token.RevokedAt ??= clock.GetUtcNow();
        audit.Add(caller.Actor, AuditActions.TokenRevoked, detail: $"token '{token.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
