using System.Globalization;
using System.Text;
using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Csv;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string User, string Action, string? Inquiry, string? Reference, string? Detail);

public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditEntryDto> Items);

/// <summary><c>GET /api/audit</c> for administrators: who did what and when, newest first, filtered; as JSON or CSV.</summary>
public static class AuditApi
{
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", GetAsync).WithTags("Operations").RequireAdmin();

    private static async Task<Results<Ok<AuditPage>, ContentHttpResult, ProblemHttpResult>> GetAsync(
        string? user, string? action, string? reference, string? inquiry, DateOnly? from, DateOnly? to, string? format, int? page, int? pageSize,
        EvidenceDbContext db, CancellationToken cancellationToken)
    {
        if (action is not null && !AuditActions.All.Contains(action))
        {
            return Problems.BadRequest("Unknown action", $"'{action}' is not an audited action; use one of {string.Join(", ", AuditActions.All)}.");
        }

        if (format is not (null or "json" or "csv"))
        {
            return Problems.BadRequest("Unknown format", $"'{format}' is not a format of the audit log; use json or csv.");
        }

        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(a => a.User == user.Trim());
        }

        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(reference))
        {
            query = query.Where(a => a.Reference == reference.Trim().ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(inquiry))
        {
            query = query.Where(a => a.Inquiry == inquiry.Trim());
        }

        // Entries are compared by their id order within the day range, which is the order they were written.
        var entries = await query.OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var inRange = entries.Where(a => (from is null || DateOnly.FromDateTime(a.At.UtcDateTime) >= from)
            && (to is null || DateOnly.FromDateTime(a.At.UtcDateTime) <= to)).ToList();
        if (format == "csv")
        {
            return TypedResults.Text(Csv(inRange), "text/csv; charset=utf-8");
        }

        if (!Paging.TryFrom(page, pageSize, out var paging, out var pagingProblem))
        {
            return Problems.BadRequest(Paging.ProblemTitle, pagingProblem);
        }

        return TypedResults.Ok(new AuditPage(inRange.Count, paging.Page, paging.Size,
            inRange.Skip(paging.Skip).Take(paging.Size).Select(AsDto).ToList()));
    }

    private static AuditEntryDto AsDto(AuditEntry a) => new(a.Id, a.At, a.User, a.Action, a.Inquiry, a.Reference, a.Detail);

    private static string Csv(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("at,user,action,inquiry,reference,detail\r\n");
        foreach (var a in entries)
        {
            csv.AppendJoin(',', new[]
            {
                a.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), CsvCell.Escape(a.User),
                a.Action, a.Inquiry ?? "", a.Reference ?? "", CsvCell.Escape(a.Detail ?? ""),
            }).Append("\r\n");
        }

        return csv.ToString();
    }
}
