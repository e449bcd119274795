using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// A real EvidenceHub host (embedded storage, real Hangfire server, real Lucene index) on a data
/// directory of its own, which it deletes when disposed unless told to keep it for a second host.
/// Its administrator comes from configuration, as in production: <see cref="CreateAdminClient"/>
/// signs in with a bearer token; <see cref="CreatePublicClient"/> is the public, not signed in.
/// </summary>
public sealed class EvidenceHubFactory(
    string? dataDirectory = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? NewDataDirectory();

    public const string AdminEmail = "admin@evidencehub.test";

    public const string AdminPassword = "a long test password for the administrator";

    /// <summary>A password that meets the password rules, for users a test creates.</summary>
    public const string UserPassword = "a long test password for a user";

    public bool KeepData { get; init; }

    /// <summary>The public: no sign-in.</summary>
    public HttpClient CreatePublicClient() => CreateClient();

    /// <summary>The administrator, signed in with a bearer token from <c>POST /api/auth/token</c>.</summary>
    public HttpClient CreateAdminClient() => CreateSignedInClient(AdminEmail, AdminPassword);

    /// <summary>A client signed in as this user with a bearer token.</summary>
    public HttpClient CreateSignedInClient(string email, string password)
    {
        var client = CreateClient();
        var response = client.PostAsJsonAsync("/api/auth/token", new { email, password }).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, $"signing in as {email}: {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["token"]!.GetValue<string>());
        return client;
    }

    /// <summary>Creates a user (through the users API, as the administrator) with one role in one inquiry, and signs them in.</summary>
    public async Task<HttpClient> CreateUserClientAsync(string email, string role, string prefix)
    {
        var admin = CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email, password = UserPassword });
        var body = await created.Content.ReadAsStringAsync();
        Assert.AreEqual(System.Net.HttpStatusCode.Created, created.StatusCode, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<long>();
        var granted = await admin.PutAsJsonAsync($"/api/inquiries/{prefix}/members/{id}", new { role });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, granted.StatusCode, await granted.Content.ReadAsStringAsync());
        return CreateSignedInClient(email, UserPassword);
    }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "evidencehub-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("EvidenceHub:DataDirectory", DataDirectory);
        builder.UseSetting("EvidenceHub:LoadSamples", "false");
        builder.UseSetting("EvidenceHub:Workers", "2");
        builder.UseSetting("EvidenceHub:Admin:Email", AdminEmail);
        builder.UseSetting("EvidenceHub:Admin:Password", AdminPassword);
        // The public's tests poll: they would be throttled.
        // The rate-limit tests turn it back on through their settings.
        builder.UseSetting("EvidenceHub:PublicRequestsPerMinute", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepData)
        {
            TryDelete(DataDirectory);
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // a file still held open by a closing host; the temp folder is cleaned by the OS
        }
    }
}
