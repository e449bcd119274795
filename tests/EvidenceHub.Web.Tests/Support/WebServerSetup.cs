using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EvidenceHub.Web.Tests.Support;

/// <summary>
/// Starts the server once for the run, waits until the sample inquiry is searchable, creates the staff
/// of <see cref="TestUsers"/> through the users API and takes two sample submissions back to "received"
/// for the tests that need unpublished evidence (the sample itself publishes 66 of its 71).
/// </summary>
[TestClass]
public static class WebServerSetup
{
    /// <summary>The sample submissions, as staff see them (samples/lbn/manifest.csv).</summary>
    public const int SampleSubmissions = 73;

    /// <summary>Left unpublished at start-up for the desk test to publish.</summary>
    public const string LeftForTheClerk = "LBN0005";

    /// <summary>Never published: the public must not find it.</summary>
    public const string NeverPublished = "LBN0009";

    /// <summary>Sample submissions taken back to "received" at start-up (besides those the sample leaves unpublished).</summary>
    public static readonly IReadOnlyList<string> Unpublished = [LeftForTheClerk, NeverPublished];

    private static WebServer? server;
    private static HttpClient? admin;

    public static Uri BaseAddress => server?.BaseAddress ?? throw new InvalidOperationException("The web server has not started.");

    /// <summary>The users API as the administrator (a bearer token), for setting up who signs in.</summary>
    public static HttpClient AdminApi => admin ?? throw new InvalidOperationException("The web server has not started.");

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = new WebServer();
        server.Start();
        admin = await SignInAsync(TestUsers.Admin, context.CancellationToken);
        // As the administrator: the public would count only what the sample has published.
        await WaitForSamplesAsync(admin, context.CancellationToken);
        await CreateUserAsync(TestUsers.Clerk, "clerk", "LBN");
        await CreateUserAsync(TestUsers.Researcher, "researcher", "LBN");
        await HoldBackSamplesAsync(context.CancellationToken);
    }

    /// <summary>Takes <see cref="Unpublished"/> back to "received", as a clerk would, whatever the sample made them.</summary>
    private static async Task HoldBackSamplesAsync(CancellationToken cancellationToken)
    {
        foreach (var reference in Unpublished)
        {
            var received = await AdminApi.PostAsJsonAsync($"/api/submissions/{reference}/publication", new { publication = "received" }, cancellationToken);
            if (!received.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Holding back {reference} answered {(int)received.StatusCode}: {await received.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>Creates a user through the users API, with a role in an inquiry when one is given.</summary>
    public static async Task<long> CreateUserAsync(TestUser user, string? role = null, string? prefix = null)
    {
        var created = await AdminApi.PostAsJsonAsync("/api/users", new { email = user.Email, password = user.Password });
        var body = await created.Content.ReadAsStringAsync();
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {user.Email} answered {(int)created.StatusCode}: {body}");
        }

        var id = JsonNode.Parse(body)!["id"]!.GetValue<long>();
        if (role is not null)
        {
            var granted = await AdminApi.PutAsJsonAsync($"/api/inquiries/{prefix}/members/{id}", new { role });
            if (!granted.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Giving {user.Email} the {role} role in {prefix} answered {(int)granted.StatusCode}: {await granted.Content.ReadAsStringAsync()}");
            }
        }

        return id;
    }

    /// <summary>A client signed in as the user with a bearer token, as a script would be.</summary>
    public static async Task<HttpClient> SignInAsync(TestUser user, CancellationToken cancellationToken = default)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {user.Email} answered {(int)response.StatusCode}: {body}");
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["token"]!.GetValue<string>());
        return client;
    }

    private static async Task WaitForSamplesAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var total = 0;
            try
            {
                var results = await http.GetFromJsonAsync<JsonNode>("/api/search?inquiry=LBN&pageSize=1", cancellationToken);
                total = results?["total"]?.GetValue<int>() ?? 0;
            }
            catch (HttpRequestException)
            {
                // still starting
            }

            if (total >= SampleSubmissions)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The sample inquiry has only {total} of {SampleSubmissions} submissions searchable after 4 minutes.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        admin?.Dispose();
        admin = null;
        server?.Dispose();
        server = null;
    }
}
