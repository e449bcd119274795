using System.Diagnostics;
using System.Text.Json;

namespace EvidenceHub.Bench.Queries;

/// <summary>Runs the query mix against one backend and keeps every latency, by query, in a JSON file.</summary>
internal static class Latencies
{
    public static void Measure(string backend, string output, int rounds, Func<BenchQuery, int> run)
    {
        var result = QueryMix.All.ToDictionary(q => q.Key, _ => new List<double>());
        var hits = new Dictionary<string, int>();
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            foreach (var q in QueryMix.All)
            {
                hits[q.Key] = run(q); // warm-up rounds (JIT tiers, caches), not timed
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
