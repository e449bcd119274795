namespace EvidenceHub.Core.Accounts;

/// <summary>Who did something, as the audit log and tag history record it: a signed-in user, or the system itself.</summary>
public sealed record Actor(long? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}
