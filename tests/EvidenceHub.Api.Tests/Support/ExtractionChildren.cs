using System.Diagnostics;
using EvidenceHub.Core.Pipeline;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// The server's extraction child processes, seen from a test: the real child started with its test hooks (a file
/// carrying a hook's marker makes the child exit, hang or take memory), and waiting on what the pool reports.
/// </summary>
internal static class ExtractionChildren
{
    public const string Exit = "evidencehub-test-hook:exit";

    public const string Hang = "evidencehub-test-hook:hang";

    public const string Hog = "evidencehub-test-hook:hog";

    public static ExtractionChildCommand WithTestHooks { get; } = ExtractionChildCommand.ForApp(typeof(Program).Assembly).With("--test-hooks");

    public static bool IsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public static async Task<T> WaitUntilAsync<T>(Func<T> read, Func<T, bool> done, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: still not so after {within.TotalSeconds} s ({value}).");
            }

            await Task.Delay(20);
        }
    }
}
