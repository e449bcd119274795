using System.Text.Json;
using Json.Schema;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// The published schemas in shared/standards beside the work tree (never copied into the project): a test
/// that needs one is inconclusive on a machine without them.
/// </summary>
public static class Standards
{
    private static readonly Lazy<(JsonSchema Data, JsonSchema Citation)?> Csl = new(LoadCsl);

    public static string? Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "standards", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string Require(string relative) =>
        Find(relative) ?? throw new AssertInconclusiveException($"No shared/standards/{relative} above the work tree on this machine.");

    /// <summary>csl-data.json (an array of items) and csl-citation.json (one citation), which refers into the first.</summary>
    public static (JsonSchema Data, JsonSchema Citation) CslSchemas() =>
        Csl.Value ?? throw new AssertInconclusiveException("No shared/standards/csl schemas above the work tree on this machine.");

    /// <summary>Null when <paramref name="json"/> is valid against <paramref name="schema"/>, else the errors.</summary>
    public static string? Problems(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? null
            : string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
    }

    private static (JsonSchema, JsonSchema)? LoadCsl()
    {
        if (Find("csl/csl-data.json") is not { } data || Find("csl/csl-citation.json") is not { } citation)
        {
            return null;
        }

        return (JsonSchema.FromText(File.ReadAllText(data)), JsonSchema.FromText(File.ReadAllText(citation)));
    }
}
