using System.Security.Cryptography;
using System.Text;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Accounts;

/// <summary>
/// Issues and checks bearer tokens. A token is 32 random bytes (base64url, prefixed <c>ehub_</c> so a
/// leaked one is easy to recognise); only its SHA-256 is stored.
/// </summary>
public sealed class TokenIssuer(EvidenceDbContext db, TimeProvider clock)
{
    public const string Prefix = "ehub_";

    /// <summary>How long a token from <c>POST /api/auth/token</c> lasts.</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromHours(12);

    /// <summary>The longest a personal token may last.</summary>
    public static readonly TimeSpan MaxPersonalLifetime = TimeSpan.FromDays(366);

    public sealed record Issued(string Token, PersonalToken Row);

    /// <summary>Stages a new token in the unit of work; the caller saves.</summary>
    public Issued Issue(long userId, string name, DateTimeOffset expiresAt, bool personal)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new PersonalToken
        {
            UserId = userId,
            Name = name,
            Hash = Hash(token),
            Personal = personal,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.Add(row);
        return new Issued(token, row);
    }

    /// <summary>How close to the truth a token's <see cref="PersonalToken.LastUsedAt"/> is kept: not a write on every request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(5);

    /// <summary>A live token's use: whose it is, until when, and the last use now recorded.</summary>
    public sealed record TokenUse(long UserId, DateTimeOffset ExpiresAt, DateTimeOffset LastUsedAt);

    /// <summary>Whether the token can be a live one at all (before it is hashed and looked up).</summary>
    public static bool IsWellFormed(string token) => token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length <= 100;

    /// <summary>The use of a live (unexpired, unrevoked) token, recording it to within <see cref="LastUsedPrecision"/>; null for any other.</summary>
    public async Task<TokenUse?> UseAsync(string token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var row = await db.Set<PersonalToken>().AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt, t.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.ExpiresAt <= now)
        {
            return null;
        }

        if (row.LastUsedAt is { } last && now - last <= LastUsedPrecision)
        {
            return new TokenUse(row.UserId, row.ExpiresAt, last);
        }

        await db.Set<PersonalToken>().Where(t => t.Id == row.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        return new TokenUse(row.UserId, row.ExpiresAt, now);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
