using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EvidenceHub.Web.Tests.Support;

/// <summary>Starts the server once for the run and waits until the sample inquiry is searchable.</summary>
[TestClass]
public static class WebServerSetup
{
    /// <summary>The sample submissions the public can search: 41 of 46 are published (samples/lbn/manifest.csv).</summary>
    public const int SampleSubmissions = 41;

    private static WebServer? server;

    public static Uri BaseAddress => server?.BaseAddress ?? throw new InvalidOperationException("The web server has not started.");

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = new WebServer();
        server.Start();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var total = 0;
            try
            {
                var results = await http.GetFromJsonAsync<JsonNode>("/api/search?inquiry=LBN&pageSize=1", context.CancellationToken);
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

            await Task.Delay(250, context.CancellationToken);
        }
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        server?.Dispose();
        server = null;
    }
}
