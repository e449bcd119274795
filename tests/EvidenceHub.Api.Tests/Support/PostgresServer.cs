using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests, in a temporary folder on a free 127.0.0.1 port, started from
/// the Debian package's binaries (scripts/test.sh installs them) and stopped and deleted afterwards.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string binaries;
    private readonly string folder;

    private PostgresServer(string binaries, string folder, int port)
    {
        this.binaries = binaries;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public static PostgresServer Start()
    {
        var binaries = FindBinaries()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run scripts/test.sh, which installs the Debian package 'postgresql'.");
        var folder = Path.Combine(Path.GetTempPath(), "evidencehub-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        if (IsRoot)
        {
            Run("chown", $"postgres \"{folder}\"");
        }

        var port = FreePort();
        var server = new PostgresServer(binaries, folder, port);
        server.AsPostgres("initdb", $"-D \"{data}\" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N");
        server.AsPostgres("pg_ctl",
            $"-D \"{data}\" -l \"{Path.Combine(folder, "log")}\" -w -t 60 -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        return server;
    }

    public void Dispose()
    {
        try
        {
            AsPostgres("pg_ctl", $"-D \"{Path.Combine(folder, "data")}\" -m immediate -w stop");
        }
        finally
        {
            EvidenceHubFactory.TryDelete(folder);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void AsPostgres(string program, string arguments)
    {
        var path = Path.Combine(binaries, program);
        if (IsRoot)
        {
            Run("runuser", $"-u postgres -- \"{path}\" {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} did not finish.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
