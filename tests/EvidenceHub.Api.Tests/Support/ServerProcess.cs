using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EvidenceHub.Core.Pipeline;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// The real server in a process of its own (the app beside the tests, run as <c>dotnet EvidenceHub.Api.dll</c> on a
/// free loopback port, embedded storage in a throwaway folder), for what only a process of its own can show: its own
/// peak memory, apart from the test runner's and every other test host's.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly string dataDirectory;

    private ServerProcess(Process process, string dataDirectory, HttpClient admin)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        Admin = admin;
    }

    /// <summary>The administrator, signed in with a bearer token.</summary>
    public HttpClient Admin { get; }

    /// <summary>The most memory the server's process has held since it started (its own, not its children's).</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    public static async Task<ServerProcess> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var dataDirectory = EvidenceHubFactory.NewDataDirectory();
        // The same program the server starts its extraction children with, run to serve instead.
        var host = ExtractionChildCommand.ForApp(typeof(Program).Assembly);
        var start = new ProcessStartInfo(host.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in host.Arguments.Where(a => a != ExtractionChildCommand.Verb).Append("--urls").Append(url))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["EvidenceHub__DataDirectory"] = dataDirectory;
        start.Environment["EvidenceHub__LoadSamples"] = "false";
        start.Environment["EvidenceHub__Workers"] = "2";
        start.Environment["EvidenceHub__Admin__Email"] = EvidenceHubFactory.AdminEmail;
        start.Environment["EvidenceHub__Admin__Password"] = EvidenceHubFactory.AdminPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var admin = new HttpClient { BaseAddress = new Uri(url) };
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!await IsHealthyAsync(admin))
            {
                Assert.IsFalse(process.HasExited, $"the server exited at start with code {(process.HasExited ? process.ExitCode : 0)}");
                Assert.IsLessThan(deadline, DateTime.UtcNow, "the server did not answer /health within 2 minutes");
                await Task.Delay(100);
            }

            var token = await admin.PostAsJsonAsync("/api/auth/token", new { email = EvidenceHubFactory.AdminEmail, password = EvidenceHubFactory.AdminPassword });
            var body = await token.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.OK, token.StatusCode, body);
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["token"]!.GetValue<string>());
            return new ServerProcess(process, dataDirectory, admin);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            admin.Dispose();
            EvidenceHubFactory.TryDelete(dataDirectory);
            throw;
        }
    }

    public void Dispose()
    {
        Admin.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process.Dispose();
        EvidenceHubFactory.TryDelete(dataDirectory);
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
