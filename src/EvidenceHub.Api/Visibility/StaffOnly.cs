using EvidenceHub.Api.Hosting;
using EvidenceHub.Core;
using Hangfire.Dashboard;

namespace EvidenceHub.Api.Visibility;

/// <summary>
/// Changes (uploads, publication, passwords, tags, rebuilds) and the job dashboard are for inquiry
/// staff: a public caller, as <see cref="CallerVisibility"/> decides it, gets a 403 that says so.
/// </summary>
public static class StaffOnly
{
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            CallerVisibility.Of(context.HttpContext).Audience == Audience.Staff
                ? await next(context)
                : Problems.Of(StatusCodes.Status403Forbidden, "This is for inquiry staff",
                    "Only inquiry staff can make changes; the public can search and read published evidence."));

    public sealed class DashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext() is { } http && CallerVisibility.Of(http).Audience == Audience.Staff;
    }
}
