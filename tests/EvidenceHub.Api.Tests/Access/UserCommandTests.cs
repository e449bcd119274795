using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Accounts;
using EvidenceHub.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Access;

/// <summary><c>users add|token|list</c>: the command line manages who signs in, on the service's own database.</summary>
[TestClass]
public sealed class UserCommandTests
{
    [TestMethod]
    public async Task Users_are_added_with_a_role_listed_and_given_a_token_that_signs_a_script_in()
    {
        using var factory = new EvidenceHubFactory();
        var admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("CLI");

        var (code, added) = await RunAsync(factory, "users", "add", "grace@example.org", "--role", "clerk", "--inquiry", "cli");
        Assert.AreEqual(0, code, added);
        Assert.Contains("grace@example.org: clerk in CLI", added);
        var password = added.Split('\n').Single(l => l.StartsWith("password (shown once): ", StringComparison.Ordinal))["password (shown once): ".Length..].Trim();
        var signedIn = await factory.CreatePublicClient().PostAsJsonAsync("/api/auth/token", new { email = "grace@example.org", password });
        Assert.AreEqual(HttpStatusCode.OK, signedIn.StatusCode, "the printed password signs in");

        var (_, token) = await RunAsync(factory, "users", "token", "grace@example.org", "--days", "7");
        var script = factory.CreatePublicClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        var me = await script.GetFromJsonAsync<JsonNode>("/api/me");
        Assert.AreEqual("grace@example.org", me!["email"]!.GetValue<string>());
        Assert.AreEqual("clerk", me["roles"]![0]!["role"]!.GetValue<string>());

        var (_, listed) = await RunAsync(factory, "users", "list");
        Assert.Contains("grace@example.org\tclerk in CLI", listed);
        Assert.Contains($"{EvidenceHubFactory.AdminEmail}\tadministrator", listed);

        var (refused, why) = await RunAsync(factory, "users", "add", "henry@example.org", "--role", "clerk");
        Assert.AreEqual(2, refused);
        Assert.Contains("needs an inquiry", why);
        var (unknown, _) = await RunAsync(factory, "users", "token", "nobody@example.org");
        Assert.AreEqual(2, unknown);
    }

    private static async Task<(int Code, string Output)> RunAsync(EvidenceHubFactory factory, params string[] args)
    {
        using var scope = factory.Services.CreateScope();
        using var output = new StringWriter();
        var code = await UserCommands.RunAsync(scope.ServiceProvider, args, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
