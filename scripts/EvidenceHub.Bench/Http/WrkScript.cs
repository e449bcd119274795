using EvidenceHub.Bench.Queries;

namespace EvidenceHub.Bench.Http;

/// <summary>
/// A wrk Lua script that sends the 20 queries of the mix in turn, one counter per thread, signed in as
/// staff with the bearer token in the environment variable <see cref="Queries.StaffClient.TokenVariable"/>.
/// </summary>
internal static class WrkScript
{
    public static string Lua() =>
        $"wrk.headers[\"Authorization\"] = \"Bearer \" .. (os.getenv(\"{Queries.StaffClient.TokenVariable}\") or \"\")\n" +
        "local paths = {\n" +
        string.Join(",\n", QueryMix.All.Select(q => $"  \"/api/search?{QueryMix.QueryString(q)}\"")) +
        "\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n";
}
