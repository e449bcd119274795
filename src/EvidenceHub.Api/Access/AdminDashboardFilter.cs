using Hangfire.Dashboard;

namespace EvidenceHub.Api.Access;

/// <summary>The job dashboard (<c>/hangfire</c>) is for administrators only.</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext() is { } http && Caller.Of(http).IsAdmin;
}
