using System.Diagnostics;

namespace EvidenceHub.Core.Pipeline;

/// <summary>How long each step of a pipeline run took, for its log line: <c>extract 12 ms, store 3 ms, …</c>.</summary>
internal sealed class StepTimes
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Step, long Milliseconds)> laps = [];

    public void Lap(string step)
    {
        laps.Add((step, clock.ElapsedMilliseconds));
        clock.Restart();
    }

    public override string ToString() => string.Join(", ", laps.Select(l => $"{l.Step} {l.Milliseconds} ms"));
}
