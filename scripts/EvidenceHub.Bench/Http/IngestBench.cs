using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EvidenceHub.Bench.Corpus;

namespace EvidenceHub.Bench.Http;

/// <summary>
/// Small-file ingest through the real server: short text submissions (three paragraphs and a line with a
/// word of their own), sent the two ways a clerk sends many — one batch ZIP with its manifest.csv, and
/// single uploads eight at a time — each into an inquiry of its own. The clock runs from the first byte
/// sent until a signed-in search of the inquiry counts every one of them.
/// </summary>
internal static class IngestBench
{
    public const double TargetPerSecond = 200;

    private const int Parallel = 8;

    /// <param name="warmup">
    /// Files sent first, untimed, into an inquiry of their own (half as a batch, half one by one), so the
    /// timed runs measure a server that has run the pipeline before rather than its first seconds of compiling
    /// it; 0 times a server just started.
    /// </param>
    public static void Run(string baseUrl, int count, string serverLabel, Report report, int warmup = 0)
    {
        using var http = Queries.StaffClient.For(baseUrl);
        if (warmup > 0)
        {
            CreateInquiry(http, "INGW", "Warm-up");
            var spare = Files(warmup, seed: 1_000_000);
            TimeBatch(http, "INGW", spare[..(warmup / 2)]);
            TimeSingles(http, "INGW", spare[(warmup / 2)..], expected: warmup);
            serverLabel += $", after {warmup:N0} untimed";
        }

        var files = Files(count);

        CreateInquiry(http, "INGB", "Small files in one batch");
        var batch = TimeBatch(http, "INGB", files);
        report.Row("ingest", serverLabel, $"{count:N0}", "one batch ZIP with manifest.csv", Seconds(batch.Accepted), Seconds(batch.Searchable),
            Rate(count, batch.Searchable), Verdict(count, batch.Searchable));

        CreateInquiry(http, "INGS", "Small files one by one");
        var singles = TimeSingles(http, "INGS", files);
        report.Row("ingest", serverLabel, $"{count:N0}", $"single uploads, {Parallel} at a time", Seconds(singles.Accepted), Seconds(singles.Searchable),
            Rate(count, singles.Searchable), Verdict(count, singles.Searchable));
    }

    private sealed record Timing(TimeSpan Accepted, TimeSpan Searchable);

    private static Timing TimeBatch(HttpClient http, string prefix, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var zip = Zip(files);
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(zip) { Headers = { ContentType = new("application/zip") } }, "file", "batch.zip" },
        };
        using var response = http.PostAsync($"/api/inquiries/{prefix}/submissions/batch", form).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The batch answered {(int)response.StatusCode}: {body}");
        }

        var accepted = JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32();
        if (accepted != files.Count)
        {
            throw new InvalidOperationException($"The batch accepted {accepted} of {files.Count}: {body[..Math.Min(body.Length, 2000)]}");
        }

        var acceptedAfter = clock.Elapsed;
        WaitUntilSearchable(http, prefix, files.Count, clock);
        return new Timing(acceptedAfter, clock.Elapsed);
    }

    private static Timing TimeSingles(HttpClient http, string prefix, IReadOnlyList<(string Name, byte[] Content)> files, int? expected = null)
    {
        var clock = Stopwatch.StartNew();
        System.Threading.Tasks.Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, file =>
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(file.Content) { Headers = { ContentType = new("text/plain") } }, "file", file.Name },
                { new StringContent("Bench Resident"), "submitterName" },
                { new StringContent("individual"), "category" },
            };
            using var response = http.PostAsync($"/api/inquiries/{prefix}/submissions", form).GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Upload of {file.Name} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
            }
        });
        var acceptedAfter = clock.Elapsed;
        WaitUntilSearchable(http, prefix, expected ?? files.Count, clock);
        return new Timing(acceptedAfter, clock.Elapsed);
    }

    public static void WaitUntilSearchable(HttpClient http, string prefix, int count, Stopwatch clock)
    {
        var deadline = clock.Elapsed + TimeSpan.FromMinutes(15);
        while (true)
        {
            using var response = http.GetAsync($"/api/search?inquiry={prefix}&pageSize=1").GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(response.Content.ReadAsStream());
            var total = json.RootElement.GetProperty("total").GetInt32();
            if (total >= count)
            {
                return;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Only {total} of {count} submissions of {prefix} were searchable after {clock.Elapsed.TotalMinutes:F0} minutes.");
            }

            Thread.Sleep(25);
        }
    }

    /// <summary>Short letters of the same shape: three generated paragraphs and a line naming a word only this file has.</summary>
    private static List<(string Name, byte[] Content)> Files(int count, int seed = 0)
    {
        var generator = new CorpusGenerator(13);
        var run = DateTime.UtcNow.Ticks;
        return Enumerable.Range(seed, count).Select(i =>
        {
            var random = new Random(i);
            var text = string.Join("\n\n",
                "1. " + generator.Text(random),
                "2. " + generator.Text(random),
                "3. " + generator.Text(random),
                $"4. Reference word zqi{Letters(run)}{Letters(i)}.") + "\n";
            return ($"letter-{i:D4}.txt", Encoding.UTF8.GetBytes(text));
        }).ToList();
    }

    private static byte[] Zip(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new StringBuilder("file,submitterName,organisation,category,kind,receivedOn,title\n");
            foreach (var (name, content) in files)
            {
                using (var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open())
                {
                    entry.Write(content);
                }

                manifest.Append(CultureInfo.InvariantCulture, $"{name},Bench Resident,,individual,written,2024-05-01,\n");
            }

            using var writer = new StreamWriter(zip.CreateEntry("manifest.csv").Open(), new UTF8Encoding(false));
            writer.Write(manifest.ToString());
        }

        return stream.ToArray();
    }

    public static void CreateInquiry(HttpClient http, string prefix, string title)
    {
        using var response = http.PostAsJsonAsync("/api/inquiries", new { title, referencePrefix = prefix }).GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the inquiry {prefix} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:F1} s";

    private static string Rate(int count, TimeSpan t) => (count / t.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture);

    private static string Verdict(int count, TimeSpan t)
    {
        var rate = count / t.TotalSeconds;
        return rate >= TargetPerSecond ? $"≥ {TargetPerSecond:F0}/s met" : $"≥ {TargetPerSecond:F0}/s missed by {TargetPerSecond / rate:F1}×";
    }

    public static string Letters(long n)
    {
        var s = string.Empty;
        do
        {
            s = (char)('a' + n % 26) + s;
            n /= 26;
        }
        while (n > 0);
        return s;
    }
}
