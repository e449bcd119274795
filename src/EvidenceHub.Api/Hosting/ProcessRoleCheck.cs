using EvidenceHub.Core;

namespace EvidenceHub.Api.Hosting;

public static class ProcessRoleCheck
{
    /// <summary>Whether this process has <paramref name="role"/> (<c>EvidenceHub:Roles</c>; both by default).</summary>
    public static bool Serves(this WebApplication app, ProcessRoles role) =>
        app.Configuration.ReadEvidenceHubOptions().Roles.HasFlag(role);
}
