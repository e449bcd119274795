namespace EvidenceHub.Web.Tests.Support;

/// <summary>Someone who signs in to the test server.</summary>
public sealed record TestUser(string Email, string Password);

/// <summary>
/// The people the test server knows: the administrator from configuration (as in production), and a
/// clerk and a researcher of the sample inquiry LBN created through the users API at start-up.
/// </summary>
public static class TestUsers
{
    public const string UserPassword = "a long test password for a user";

    public static readonly TestUser Admin = new("admin@evidencehub.test", "a long test password for the administrator");

    public static readonly TestUser Clerk = new("clerk@evidencehub.test", UserPassword);

    public static readonly TestUser Researcher = new("researcher@evidencehub.test", UserPassword);
}
