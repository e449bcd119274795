using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core;
using Microsoft.Extensions.Configuration;

namespace EvidenceHub.Api.Tests.MultiNode;

/// <summary><c>EvidenceHub:Roles</c> as an operator writes it, and the split the embedded storage cannot take.</summary>
[TestClass]
public sealed class ProcessRoleTests
{
    [TestMethod]
    [DataRow(null, ProcessRoles.Both)]
    [DataRow("web", ProcessRoles.Web)]
    [DataRow("worker", ProcessRoles.Worker)]
    [DataRow("web,worker", ProcessRoles.Both)]
    [DataRow("Worker, Web", ProcessRoles.Both)]
    [DataRow("both", ProcessRoles.Both)]
    public void Roles_are_read_as_written(string? setting, ProcessRoles expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : new Dictionary<string, string?> { ["EvidenceHub:Roles"] = setting })
            .Build();

        Assert.AreEqual(expected, configuration.ReadEvidenceHubOptions().Roles);
    }

    [TestMethod]
    [DataRow("web")]
    [DataRow("worker")]
    public void The_embedded_storage_refuses_to_start_with_a_role_split(string roles)
    {
        using var factory = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:Roles"] = roles });

        var failure = Assert.Throws<Exception>(() => factory.Services);

        var message = failure.ToString();
        Assert.Contains("cannot be shared between processes", message);
        Assert.Contains("EvidenceHub:Storage to SqlServer or PostgreSql", message);
    }
}
