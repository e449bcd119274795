using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.MultiNode;

/// <summary>
/// One real EvidenceHub server process, <c>dotnet EvidenceHub.Api.dll --urls http://127.0.0.1:PORT</c>,
/// configured through its environment only, as an operator runs a node. Its output is kept for failure
/// messages. <see cref="Kill"/> is SIGKILL on Linux: no shutdown, no flush. Disposing kills it if it still
/// runs and deletes its data directory; a test host that exits first takes its nodes with it.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int KeptLines = 300;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private NodeProcess(string name, Process process, Uri baseAddress, string dataDirectory)
    {
        Name = name;
        this.process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Starts the node and returns once its <c>/health</c> answers 200.</summary>
    public static async Task<NodeProcess> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost(), [ApiAssembly(), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(ApiAssembly())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only what the test says: nothing of the test host's own EvidenceHub or ASP.NET settings leaks in.
        foreach (var key in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(name, process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        process.OutputDataReceived += (_, line) => node.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => node.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += node.KillOnExit;
        try
        {
            await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(180)); // minutes only on a machine busy with other builds
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of this node, not signed in: the public.</summary>
    public HttpClient CreatePublicClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client of this node signed in with a bearer token from its own <c>POST /api/auth/token</c>.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email, string password)
    {
        var client = CreatePublicClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"signing in as {email} on node {Name}: {body}\n{Output()}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["token"]!.GetValue<string>());
        return client;
    }

    public Task<HttpClient> CreateAdminClientAsync() => CreateSignedInClientAsync(EvidenceHubFactory.AdminEmail, EvidenceHubFactory.AdminPassword);

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux), then waits until the process is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>The last lines the node wrote, under a heading with its name, for a failure message.</summary>
    public string Output() =>
        $"--- node {Name} ({BaseAddress}{(process.HasExited ? $", exited with {process.ExitCode}" : "")}) ---\n" + string.Join('\n', output);

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        process.Dispose();
        await Task.Yield();
        EvidenceHubFactory.TryDelete(DataDirectory);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited before it was healthy.\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message; // not listening yet
            }
            catch (TaskCanceledException)
            {
                last = "no answer within 10 s";
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Node {Name} was not healthy after {timeout.TotalSeconds} s (last: {last}).\n{Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static bool IsAppSetting(string key) =>
        key.StartsWith("EvidenceHub__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) && !key.Equals("DOTNET_ROOT", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The server as built beside the tests (the project reference brings its runtimeconfig and deps), else
    /// the API project's own build output of the same configuration.
    /// </summary>
    private static string ApiAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "EvidenceHub.Api.dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "EvidenceHub.Api.runtimeconfig.json")))
        {
            return beside;
        }

        // tests/EvidenceHub.Api.Tests/bin/{Configuration}/{TargetFramework}/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
        var built = Path.Combine(repository, "src", "EvidenceHub.Api", "bin", configuration.Name, framework.Name, "EvidenceHub.Api.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("EvidenceHub.Api.dll is not built.", built);
    }

    /// <summary>The dotnet host that runs the tests (the SDK names it in DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
