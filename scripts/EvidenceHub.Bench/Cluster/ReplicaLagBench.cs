using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EvidenceHub.Bench.Corpus;
using EvidenceHub.Bench.Http;

namespace EvidenceHub.Bench.Cluster;

/// <summary>
/// Replica lag between two nodes on one database: small text submissions are uploaded to node A at a steady
/// rate; one watcher polls A's submission list for each one's status and, once A says "indexed", polls B's
/// search for the word only that submission holds. The lag of an upload is the time from the first answer of A
/// that says indexed to the first search on B that finds it (both polled every 20 ms, so it is over-stated by
/// up to one round of polling, never under-stated).
/// </summary>
internal static class ReplicaLagBench
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    private const string Prefix = "LAG";

    /// <summary>At most this many uploads in flight: a node that cannot keep up slows the rate, not drowns.</summary>
    private const int InFlight = 16;
    private static readonly TimeSpan Round = TimeSpan.FromMilliseconds(20);

    public static void Run(string urlA, string urlB, int uploads, double perSecond, string clusterLabel, Report report)
    {
        using var a = Queries.StaffClient.For(urlA);
        using var b = Queries.StaffClient.For(urlB); // A's token: sign-in is in the shared database
        IngestBench.CreateInquiry(a, Prefix, "Replica lag");

        var uploaded = new ConcurrentQueue<(string Reference, string Marker)>();
        var sending = Stopwatch.StartNew();
        var producer = Task.Run(() => Upload(a, uploads, perSecond, uploaded));
        var onA = new Dictionary<string, string>(); // reference → marker, not yet indexed on A
        var onB = new Dictionary<string, (string Marker, long IndexedAt)>(); // indexed on A, not yet found on B
        var lags = new List<double>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.MaxValue;
        while (!producer.IsCompleted || onA.Count > 0 || onB.Count > 0 || !uploaded.IsEmpty)
        {
            while (uploaded.TryDequeue(out var next))
            {
                onA[next.Reference] = next.Marker;
            }

            foreach (var reference in IndexedOnA(a, onA.Keys))
            {
                onB[reference] = (onA[reference], Stopwatch.GetTimestamp());
                onA.Remove(reference);
            }

            foreach (var (reference, _) in FoundOnB(b, onB.Select(p => (p.Key, p.Value.Marker))))
            {
                lags.Add(Stopwatch.GetElapsedTime(onB[reference].IndexedAt).TotalMilliseconds);
                onB.Remove(reference);
            }

            if (producer.IsCompleted && deadline == TimeSpan.MaxValue)
            {
                producer.GetAwaiter().GetResult(); // an upload that failed fails the run here
                sending.Stop();
                deadline = clock.Elapsed + TimeSpan.FromMinutes(5);
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"After 5 minutes {onA.Count} uploads were still not indexed on A and {onB.Count} not found on B.");
            }

            Thread.Sleep(Round);
        }

        lags.Sort();
        var p99 = Fmt.Percentile(lags, 99);
        var rate = uploads / sending.Elapsed.TotalSeconds;
        report.Row("replica", clusterLabel, $"{uploads} short texts to A at {rate:F1}/s (asked {perSecond:F0}/s)",
            $"{Fmt.Ms(Fmt.Percentile(lags, 50))} / {Fmt.Ms(p99)} / {Fmt.Ms(lags[^1])} ms",
            p99 <= Target.TotalMilliseconds ? "p99 ≤ 2 s met" : $"p99 ≤ 2 s missed by {p99 / Target.TotalMilliseconds:F1}×");
    }

    /// <summary>Uploads at a steady rate, each on its own so that a slow answer does not hold back the next (up to <see cref="InFlight"/>).</summary>
    private static async Task Upload(HttpClient a, int uploads, double perSecond, ConcurrentQueue<(string, string)> uploaded)
    {
        var generator = new CorpusGenerator(17);
        var run = IngestBench.Letters(DateTime.UtcNow.Ticks);
        var start = Stopwatch.GetTimestamp();
        var sent = new List<Task>();
        using var slots = new SemaphoreSlim(InFlight);
        for (var i = 0; i < uploads; i++)
        {
            await slots.WaitAsync();
            var due = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var marker = "zql" + run + IngestBench.Letters(i);
            var random = new Random(i);
            var text = $"1. {generator.Text(random)}\n\n2. {generator.Text(random)}\n\n3. The word of this letter is {marker}.\n";
            sent.Add(Task.Run(async () =>
            {
                try
                {
                    await UploadOneAsync(a, text, marker, uploaded);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        await Task.WhenAll(sent);
    }

    private static async Task UploadOneAsync(HttpClient a, string text, string marker, ConcurrentQueue<(string, string)> uploaded)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new("text/plain") } }, "file", $"lag-{marker}.txt" },
            { new StringContent("Bench Resident"), "submitterName" },
        };
        using var response = await a.PostAsync($"/api/inquiries/{Prefix}/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Upload to A answered {(int)response.StatusCode}: {body}");
        }

        uploaded.Enqueue((JsonDocument.Parse(body).RootElement.GetProperty("reference").GetString()!, marker));
    }

    /// <summary>
    /// Which of these are indexed, as A's list of the inquiry says: in a fresh inquiry reference N is the
    /// N-th row, so only the pages holding them are read.
    /// </summary>
    private static List<string> IndexedOnA(HttpClient a, IEnumerable<string> references)
    {
        var wanted = references.ToHashSet();
        var found = new List<string>();
        foreach (var page in wanted.Select(r => (int.Parse(r[Prefix.Length..], CultureInfo.InvariantCulture) - 1) / 100 + 1).Distinct())
        {
            using var response = a.GetAsync($"/api/inquiries/{Prefix}/submissions?pageSize=100&page={page}").GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(response.Content.ReadAsStream());
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                var reference = item.GetProperty("reference").GetString()!;
                var status = item.GetProperty("status").GetString();
                if (!wanted.Contains(reference))
                {
                    continue;
                }

                if (status == "failed")
                {
                    throw new InvalidOperationException($"{reference} failed on A: {item.GetProperty("failureReason")}");
                }

                if (status == "indexed")
                {
                    found.Add(reference);
                }
            }
        }

        return found;
    }

    /// <summary>Which of these B's search finds, in one query for all of their words.</summary>
    private static List<(string Reference, string Marker)> FoundOnB(HttpClient b, IEnumerable<(string Reference, string Marker)> pending)
    {
        var wanted = pending.Take(100).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var query = Uri.EscapeDataString(string.Join(" OR ", wanted.Select(p => p.Marker)));
        using var response = b.GetAsync($"/api/search?inquiry={Prefix}&pageSize=100&q={query}").GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("reference").GetString()).ToHashSet();
        return wanted.Where(p => hits.Contains(p.Reference)).ToList();
    }
}
