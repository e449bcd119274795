using System.Reflection;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// How to start an extraction child process: the server's own program with the <c>extract</c> verb. Served as
/// <c>dotnet EvidenceHub.Api.dll</c> the child is <c>dotnet EvidenceHub.Api.dll extract</c>; served by the app host
/// it is <c>EvidenceHub.Api extract</c>; under a test host (whose process is the test runner) it is the app's
/// assembly, beside the tests, run by the same <c>dotnet</c>.
/// </summary>
public sealed record ExtractionChildCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public const string Verb = "extract";

    /// <summary>The command for the program whose entry assembly is <paramref name="app"/>.</summary>
    public static ExtractionChildCommand ForApp(Assembly app)
    {
        var processPath = Environment.ProcessPath;
        var dll = app.Location;
        if (dll.Length == 0)
        {
            // A single-file app has no assembly file: the process is the app itself.
            return new(processPath ?? throw new InvalidOperationException("The server's own program file is unknown."), [Verb]);
        }

        var appHost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null);
        return processPath is not null && Path.GetFullPath(processPath) == Path.GetFullPath(appHost)
            ? new(appHost, [Verb])
            : new(DotnetHost(processPath), [dll, Verb]);
    }

    /// <summary>The same command with more arguments after the verb.</summary>
    public ExtractionChildCommand With(params string[] arguments) => this with { Arguments = [.. Arguments, .. arguments] };

    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);

    private static string DotnetHost(string? processPath) =>
        processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : "dotnet";
}
