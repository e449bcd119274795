using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.MultiNode;

/// <summary>
/// Nodes of one EvidenceHub cluster, as the deployment section of the README sets them up: one PostgreSQL
/// database (which also holds the job queue), one files folder every node mounts, and each node its own
/// data directory for its index. Disposing stops every node and deletes the folders.
/// </summary>
public sealed class Cluster(PostgresServer server, string database) : IAsyncDisposable
{
    private readonly List<NodeProcess> nodes = [];
    private readonly string root = EvidenceHubFactory.NewDataDirectory();

    public string FilesDirectory => Path.Combine(root, "files");

    public string ConnectionString { get; } = server.ConnectionString(database);

    /// <summary>Starts a node with these roles and returns once it is healthy.</summary>
    public async Task<NodeProcess> StartNodeAsync(string name, string roles = "web,worker")
    {
        var data = Path.Combine(root, $"node-{name}-{Guid.NewGuid():N}");
        var node = await NodeProcess.StartAsync(name, data, Environment(data, roles));
        lock (nodes)
        {
            nodes.Add(node);
        }

        return node;
    }

    private Dictionary<string, string> Environment(string data, string roles) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["EvidenceHub__DataDirectory"] = data,
        ["EvidenceHub__Storage"] = "PostgreSql",
        ["ConnectionStrings__EvidenceHub"] = ConnectionString,
        ["EvidenceHub__FilesDirectory"] = FilesDirectory,
        ["EvidenceHub__Roles"] = roles,
        ["EvidenceHub__LoadSamples"] = "false",
        ["EvidenceHub__Workers"] = "2",
        ["EvidenceHub__Admin__Email"] = EvidenceHubFactory.AdminEmail,
        ["EvidenceHub__Admin__Password"] = EvidenceHubFactory.AdminPassword,
        // The tests poll as the public; they would be throttled.
        ["EvidenceHub__PublicRequestsPerMinute"] = "0",
        // A job lost with a killed node is queued again once its submission has been quiet for twice the
        // extraction limit: seconds here, so the kill test waits seconds for it, not minutes.
        ["EvidenceHub__ExtractionTimeout"] = "00:00:10",
        ["EvidenceHub__ReconcileEvery"] = "00:00:02",
        // Each node its own home, as on its own machine: nothing (such as the default data-protection
        // key ring under ~/.aspnet) is shared by accident through the test host's home folder.
        ["HOME"] = data,
        // Several servers on two cores: the workstation collector keeps each one small.
        ["DOTNET_gcServer"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__EvidenceHub"] = "Information",
    };

    /// <summary>Every node's last lines, for a failure message.</summary>
    public string Output()
    {
        lock (nodes)
        {
            return string.Join("\n", nodes.Select(n => n.Output()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<NodeProcess> all;
        lock (nodes)
        {
            all = [.. nodes];
            nodes.Clear();
        }

        foreach (var node in all)
        {
            await node.DisposeAsync();
        }

        EvidenceHubFactory.TryDelete(root);
    }
}
