using System.Text.Json;

namespace EvidenceHub.Bench.Queries;

/// <summary>The query mix through the real API over loopback HTTP, one request at a time, whole JSON body read.</summary>
internal static class HttpQueries
{
    public static void Run(string baseUrl, string output, int rounds, int expectedSubmissions)
    {
        using var http = StaffClient.For(baseUrl);
        // The API's database and index must agree: everything the generator wrote is searchable.
        var browse = Total(http, "/api/search?pageSize=1");
        if (browse != expectedSubmissions)
        {
            throw new InvalidOperationException($"The API's index holds {browse} submissions; the corpus has {expectedSubmissions}.");
        }

        Latencies.Measure("http", output, rounds, q => Total(http, "/api/search?" + QueryMix.QueryString(q)));
    }

    private static int Total(HttpClient http, string url)
    {
        using var response = http.GetAsync(url).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
