using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EvidenceHub.Bench.Corpus;

namespace EvidenceHub.Bench.Http;

/// <summary>
/// Upload to searchable through the real server: a fresh 10-page PDF per upload carrying a word found
/// nowhere else; the clock runs from the 202 until a search for that word first returns the submission.
/// </summary>
internal static class UploadBench
{
    public static void Run(string baseUrl, string inquiry, int uploads, string corpusLabel, Report report)
    {
        using var http = Queries.StaffClient.For(baseUrl);
        var generator = new CorpusGenerator(7);
        var run = DateTime.UtcNow.Ticks;
        var searchable = new List<double>();
        var accepted = new List<double>();
        for (var i = 0; i < uploads; i++)
        {
            var marker = "zqx" + Letters(run) + Letters(i);
            var pdf = PdfCorpusWriter.Render(generator, new Random((int)(run % int.MaxValue) + i), 10, marker);
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, "file", $"upload-{i}.pdf" },
                { new StringContent("Bench Uploader"), "submitterName" },
                { new StringContent("Eastbrook Community Trust"), "organisation" },
                { new StringContent("community-group"), "category" },
            };
            var post = Stopwatch.StartNew();
            using var response = http.PostAsync($"/api/inquiries/{inquiry}/submissions", form).GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
            }

            accepted.Add(post.Elapsed.TotalMilliseconds);
            var clock = Stopwatch.StartNew();
            while (Total(http, marker) == 0)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"Upload {i} was not searchable within 60 s.");
                }

                Thread.Sleep(10);
            }

            searchable.Add(clock.Elapsed.TotalMilliseconds);
        }

        searchable.Sort();
        accepted.Sort();
        var p50 = Fmt.Percentile(searchable, 50);
        report.Row("upload", corpusLabel, $"{uploads} × 10-page PDF",
            $"{Fmt.Ms(p50)} / {Fmt.Ms(Fmt.Percentile(searchable, 95))} / {Fmt.Ms(searchable[^1])} ms",
            $"{Fmt.Ms(Fmt.Percentile(accepted, 50))} ms",
            p50 < 1000 ? "p50 < 1 s met" : $"p50 < 1 s missed by {p50 / 1000:F1}×");
    }

    private static string Letters(long n)
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

    private static int Total(HttpClient http, string word)
    {
        using var response = http.GetAsync("/api/search?pageSize=1&q=" + word).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
