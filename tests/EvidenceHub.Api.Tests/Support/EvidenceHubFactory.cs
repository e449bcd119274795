using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// A real EvidenceHub host (embedded storage, real Hangfire server, real Lucene index) on a data
/// directory of its own, which it deletes when disposed unless told to keep it for a second host.
/// </summary>
public sealed class EvidenceHubFactory(
    string? dataDirectory = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? NewDataDirectory();

    public bool KeepData { get; init; }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "evidencehub-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("EvidenceHub:DataDirectory", DataDirectory);
        builder.UseSetting("EvidenceHub:LoadSamples", "false");
        builder.UseSetting("EvidenceHub:Workers", "2");
        // Nobody signs in here, so every test would be "the public": tests that poll would be throttled.
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
