using System.Diagnostics;
using System.Text.Json;

namespace EvidenceHub.Bench.Queries;

/// <summary>Runs the query mix against one backend and keeps every latency, by query, in a JSON file.</summary>
internal static class Latencies
{
    private static readonly TimeSpan WarmUp =
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP_SECONDS") ?? "20", System.Globalization.CultureInfo.InvariantCulture));

    public static void Measure(string backend, string output, int rounds, Func<BenchQuery, int> run)
    {
        var result = QueryMix.All.ToDictionary(q => q.Key, _ => new List<double>());
        var hits = new Dictionary<string, int>();
        // Warm-up, not timed: at least three rounds and WarmUp of wall time, so every backend is measured
        // as the long-running server it is in use — .NET's tiered JIT recompiles hot code only after ~30
        // calls and a pause, and three rounds left the API's first measured rounds 1.5–2× slow.
        var warming = Stopwatch.StartNew();
        for (var warmUp = 0; warmUp < 3 || warming.Elapsed < WarmUp; warmUp++)
        {
            foreach (var q in QueryMix.All)
            {
                hits[q.Key] = run(q);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in QueryMix.All)
            {
                var clock = Stopwatch.StartNew();
                run(q);
                result[q.Key].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        File.WriteAllText(output, JsonSerializer.Serialize(new Measured(backend, result, hits)));
        var all = result.Values.SelectMany(v => v).Order().ToList();
        Console.Error.WriteLine($"{backend}: {all.Count} queries, p50 {Fmt.Ms(Fmt.Percentile(all, 50))} ms, p99 {Fmt.Ms(Fmt.Percentile(all, 99))} ms; totals {string.Join(", ", hits.Select(h => $"{h.Key}={h.Value}"))}");
    }

    public static Measured Read(string path) => JsonSerializer.Deserialize<Measured>(File.ReadAllText(path))!;
}

internal sealed record Measured(string Backend, Dictionary<string, List<double>> Latencies, Dictionary<string, int> Totals);
