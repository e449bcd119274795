namespace EvidenceHub.Core;

/// <summary>
/// What one process of a cluster does (<c>EvidenceHub:Roles</c>: <c>web</c>, <c>worker</c>, or both as
/// <c>web,worker</c> or <c>both</c>). Every role answers <c>/health</c>.
/// </summary>
[Flags]
public enum ProcessRoles
{
    None = 0,

    /// <summary>Serves the page and the HTTP API, and keeps this node's own index replica.</summary>
    Web = 1,

    /// <summary>Runs the jobs (a Hangfire server), the pipeline reconciler and the sample-inquiry loader.</summary>
    Worker = 2,

    Both = Web | Worker,
}
