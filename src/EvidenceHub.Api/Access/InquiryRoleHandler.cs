using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Access;

/// <summary>A role (or, with <paramref name="Role"/> null, any role) in the endpoint's inquiry; or administrators; or any signed-in user.</summary>
public sealed record InquiryRoleRequirement(InquiryRole? Role, bool AdminOnly = false, bool SignedInOnly = false, bool Fallback = false) : IAuthorizationRequirement;

/// <summary>
/// Checks a role against the inquiry the endpoint names (<see cref="InquiryScope"/>): the route's
/// prefix or reference, or the inquiry of the theme, passage or quote in the route. When the route
/// names nothing that exists, a user with the role in some inquiry is let through so the endpoint can
/// answer 404; when the inquiry is decided by the request body, the endpoint checks it itself.
/// </summary>
/// <remarks>
/// One handler serves the node. Every request passes through it (the fallback policy included), so it asks
/// the request for a database context only when the inquiry must be read from a theme, passage, quote or
/// campaign: a search or a static file creates none.
/// </remarks>
public sealed class InquiryRoleHandler : AuthorizationHandler<InquiryRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InquiryRoleRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return;
        }

        var caller = Caller.Of(http);
        if (requirement.Fallback && http.GetEndpoint() is null)
        {
            // No endpoint: a static file, the job dashboard (which checks for administrators itself) or a 404.
            context.Succeed(requirement);
            return;
        }

        if (!caller.IsSignedIn)
        {
            return;
        }

        if (requirement.SignedInOnly || caller.IsAdmin)
        {
            context.Succeed(requirement);
            return;
        }

        if (requirement.AdminOnly)
        {
            return;
        }

        var from = http.GetEndpoint()?.Metadata.GetMetadata<InquiryScope>()?.From ?? InquiryFrom.Handler;
        var prefix = from == InquiryFrom.Handler ? null : await InquiryOfRouteAsync(http, from);
        var allowed = prefix is null
            ? caller.Memberships.Any(m => requirement.Role is null || m.Role == requirement.Role)
            : requirement.Role is { } role ? caller.Has(prefix, role) : caller.Reads(prefix);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }

    private static async Task<string?> InquiryOfRouteAsync(HttpContext http, InquiryFrom from)
    {
        var values = http.Request.RouteValues;
        string? Route(string name) => values.TryGetValue(name, out var value) ? value?.ToString() : null;
        switch (from)
        {
            case InquiryFrom.Prefix:
                return Route("prefix");
            case InquiryFrom.Reference:
                return Route("reference") is { } reference ? ReferenceCode.PrefixOf(reference) : null;
        }

        if (!long.TryParse(Route("id"), out var id))
        {
            return null;
        }

        var db = http.RequestServices.GetRequiredService<EvidenceDbContext>();
        var prefix = from switch
        {
            InquiryFrom.Theme => db.Set<Theme>().Where(t => t.Id == id)
                .Join(db.Inquiries, t => t.InquiryId, i => i.Id, (t, i) => i.Prefix),
            InquiryFrom.Passage => db.Passages.Where(p => p.Id == id)
                .Join(db.Submissions, p => p.SubmissionId, s => s.Id, (p, s) => s.Inquiry!.Prefix),
            InquiryFrom.Quote => db.Set<Quote>().Where(q => q.Id == id)
                .Join(db.Inquiries, q => q.InquiryId, i => i.Id, (q, i) => i.Prefix),
            InquiryFrom.Campaign => db.Set<EvidenceHub.Core.Campaigns.Campaign>().Where(c => c.Id == id)
                .Join(db.Inquiries, c => c.InquiryId, i => i.Id, (c, i) => i.Prefix),
            _ => null,
        };
        return prefix is null ? null : await prefix.FirstOrDefaultAsync(http.RequestAborted);
    }
}
