using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Web.Tests.Support;

/// <summary>
/// The real EvidenceHub host on Kestrel at a free 127.0.0.1 port, so that a real browser can reach it:
/// embedded storage in a temporary data directory, real Hangfire workers and Lucene index, the
/// sample inquiry LBN loaded at start-up, and the administrator of <see cref="TestUsers"/> from
/// configuration. The page is served from the API project's own wwwroot.
/// </summary>
public sealed class WebServer : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "evidencehub-web-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public WebServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("EvidenceHub:DataDirectory", DataDirectory);
        builder.UseSetting("EvidenceHub:LoadSamples", "true");
        builder.UseSetting("EvidenceHub:Workers", "2");
        // The browser and the start-up poll are not signed in; they must not be throttled as the public.
        builder.UseSetting("EvidenceHub:PublicRequestsPerMinute", "0");
        builder.UseSetting("EvidenceHub:Admin:Email", TestUsers.Admin.Email);
        builder.UseSetting("EvidenceHub:Admin:Password", TestUsers.Admin.Password);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            if (disposing && Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // a file still held by the closing host; the temp folder is cleaned by the OS
        }
    }
}
