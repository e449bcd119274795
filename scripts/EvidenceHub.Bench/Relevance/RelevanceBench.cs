using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using EvidenceHub.Bench.Http;
using EvidenceHub.Core.Csv;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// Ranking quality as a new user would find it: every document of a relevance collection uploaded through
/// the real intake (one batch ZIP of text files, titles in manifest.csv) into an inquiry of its own, every
/// judged query run as the OR of its words through <c>GET /api/search</c> (signed in, pageSize=100), and
/// the same queries through <see cref="PlainBm25"/> built in the same run; both measured with
/// <see cref="RankingMetrics"/>. Also times the page of 100 hits: the server's own <c>tookMs</c> for
/// ten-word OR queries.
/// </summary>
internal static class RelevanceBench
{
    /// <summary>EvidenceHub's nDCG@10 over the plain index's that the issue set as a target.</summary>
    public const double TargetGain = 1.05;

    public static void Run(string baseUrl, string prefix, RelevanceCollection collection,
        IReadOnlyList<(string QueryId, string Rule)> rules, Report report)
    {
        // A whole collection is one batch upload: on a loaded machine, accepting 1,460 files took over two minutes.
        using var http = Queries.StaffClient.For(baseUrl, TimeSpan.FromMinutes(10));
        var documentOf = Upload(http, prefix, collection);
        var judgements = new Dictionary<string, IReadOnlyDictionary<string, int>>(collection.Judgements);
        foreach (var (queryId, rule) in rules)
        {
            judgements[queryId] = Judge(http, prefix, rule, documentOf);
        }

        collection = collection with { Judgements = judgements };
        var judged = collection.Judged;
        using var plain = new PlainBm25(collection.Documents);
        var ours = new List<RankingMetrics>();
        var theirs = new List<RankingMetrics>();
        foreach (var query in judged)
        {
            var text = string.Join(" OR ", RelevanceCollection.Words(query.Text));
            var relevant = collection.Judgements[query.Id];
            ours.Add(RankingMetrics.Of(Search(http, prefix, text, documentOf).Ranking, relevant));
            theirs.Add(RankingMetrics.Of(plain.Search(text, 100), relevant));
        }

        var a = RankingMetrics.Mean(ours);
        var b = RankingMetrics.Mean(theirs);
        var label = $"{collection.Name}: {collection.Documents.Count:N0} documents";
        var queries = judged.Count.ToString(CultureInfo.InvariantCulture);
        report.Row("relevance", label, queries, "EvidenceHub, HTTP", F(a.Ndcg10), F(a.Map100), F(a.P10), F(a.R100), "");
        report.Row("relevance", label, queries, "plain Lucene BM25", F(b.Ndcg10), F(b.Map100), F(b.P10), F(b.R100), "");
        var gain = a.Ndcg10 / b.Ndcg10;
        report.Row("relevance", label, queries, "EvidenceHub ÷ BM25", R(a.Ndcg10, b.Ndcg10), R(a.Map100, b.Map100), R(a.P10, b.P10), R(a.R100, b.R100),
            gain >= TargetGain ? $"nDCG@10 ≥ {TargetGain:F2}× met" : gain >= 1 ? $"at least equal; ≥ {TargetGain:F2}× missed" : "below BM25");
        QueryHalves.Rows(report, label, "EvidenceHub, HTTP", judged, ours, theirs);

        PageCost(http, prefix, collection, report);
    }

    /// <summary>The server's tookMs and the client's time for ten-word OR queries at pageSize=100 (each query three times, the last counted).</summary>
    private static void PageCost(HttpClient http, string prefix, RelevanceCollection collection, Report report)
    {
        var tenWord = TenWordQueries(collection);
        if (tenWord.Count == 0)
        {
            return;
        }

        var took = new List<double>();
        var client = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var text in tenWord)
            {
                var result = Search(http, prefix, text, null);
                if (round == 2)
                {
                    took.Add(result.TookMs);
                    client.Add(result.ClientMs);
                }
            }
        }

        took.Sort();
        client.Sort();
        report.Row("relevance-speed", $"{collection.Name}: {collection.Documents.Count:N0} documents", $"{tenWord.Count} ten-word OR queries, pageSize=100",
            Fmt.Triple(took), Fmt.Triple(client), Fmt.Percentile(took, 50) <= 10 ? "tookMs p50 ≤ 10 ms met" : "tookMs p50 ≤ 10 ms missed");
    }

    /// <summary>The collection's queries of ten words or more, each as the OR of its first ten.</summary>
    public static IReadOnlyList<string> TenWordQueries(RelevanceCollection collection) =>
        collection.Queries.Select(q => RelevanceCollection.Words(q.Text))
            .Where(w => w.Count >= 10).Select(w => string.Join(" OR ", w.Take(10))).ToList();

    private sealed record SearchResult(IReadOnlyList<string> Ranking, double TookMs, double ClientMs);

    private static SearchResult Search(HttpClient http, string prefix, string text, IReadOnlyDictionary<string, string>? documentOf)
    {
        var clock = Stopwatch.StartNew();
        using var response = http.GetAsync($"/api/search?inquiry={prefix}&pageSize=100&q={Uri.EscapeDataString(text)}").GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var clientMs = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The search '{text}' answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var ranking = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("reference").GetString()!)
            .Select(r => documentOf is null ? r : documentOf.GetValueOrDefault(r, r))
            .ToList();
        return new SearchResult(ranking, json.RootElement.GetProperty("tookMs").GetDouble(), clientMs);
    }

    /// <summary>A theme rule's matches, each with the number of its passages the search shows (1–3) as gain.</summary>
    private static IReadOnlyDictionary<string, int> Judge(HttpClient http, string prefix, string rule, IReadOnlyDictionary<string, string> documentOf)
    {
        using var response = http.GetAsync($"/api/search?inquiry={prefix}&pageSize=100&q={Uri.EscapeDataString(rule)}").GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return json.RootElement.GetProperty("hits").EnumerateArray().ToDictionary(
            h => documentOf[h.GetProperty("reference").GetString()!],
            h => h.GetProperty("passages").GetArrayLength());
    }

    /// <summary>Uploads every document as one batch and waits until all are searchable; answers reference → document id.</summary>
    private static IReadOnlyDictionary<string, string> Upload(HttpClient http, string prefix, RelevanceCollection collection)
    {
        IngestBench.CreateInquiry(http, prefix, $"Relevance collection: {collection.Name}");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new StringBuilder();
            CsvCell.AppendRow(manifest, ["file", "submitterName", "organisation", "category", "kind", "receivedOn", "title"]);
            foreach (var d in collection.Documents)
            {
                using (var entry = new StreamWriter(zip.CreateEntry(d.Id + ".txt", CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
                {
                    entry.Write(d.Text);
                }

                CsvCell.AppendRow(manifest, [d.Id + ".txt", "Relevance Collection", "", "academic", "written", "2024-01-01", d.Title]);
            }

            using var writer = new StreamWriter(zip.CreateEntry("manifest.csv").Open(), new UTF8Encoding(false));
            writer.Write(manifest.ToString());
        }

        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(stream.ToArray()) { Headers = { ContentType = new("application/zip") } }, "file", "collection.zip" },
        };
        using var response = http.PostAsync($"/api/inquiries/{prefix}/submissions/batch", form).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The batch answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }

        var documentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var accepted = 0;
        using (var json = JsonDocument.Parse(body))
        {
            foreach (var row in json.RootElement.GetProperty("rows").EnumerateArray())
            {
                var id = Path.GetFileNameWithoutExtension(row.GetProperty("file").GetString()!);
                var reference = row.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()
                    : row.TryGetProperty("existingReference", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (reference is null)
                {
                    Console.Error.WriteLine($"{collection.Name}: {id} was not accepted: {row}");
                    continue;
                }

                accepted += row.GetProperty("outcome").GetString() == "accepted" ? 1 : 0;
                documentOf.TryAdd(reference, id);
            }
        }

        IngestBench.WaitUntilSearchable(http, prefix, accepted, Stopwatch.StartNew());
        return documentOf;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);

    private static string R(double a, double b) => b > 0 ? (a / b).ToString("F3", CultureInfo.InvariantCulture) + "×" : "–";
}
