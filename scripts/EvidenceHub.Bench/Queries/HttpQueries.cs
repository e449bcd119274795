using System.Text.Json;

namespace EvidenceHub.Bench.Queries;

/// <summary>The query mix through the real API over loopback HTTP, one request at a time, whole JSON body read.</summary>
internal static class HttpQueries
{
    public static void Run(string baseUrl, string output, int rounds, int expectedSubmissions)
    {
        using var http = StaffClient.For(baseUrl);
        // The API's database and index must agree: everything the generator wrote is searchable.
        var (browse, indexing) = Browse(http);
        if (browse != expectedSubmissions)
        {
            throw new InvalidOperationException($"The API's index holds {browse} submissions; the corpus has {expectedSubmissions}.");
        }

        // A node building its index from the database would be measured while it does (the whole index,
        // beside the live one, on the same cores): the bench's index carries the replica's commit data so
        // that the API opens it as it is.
        if (indexing)
        {
            throw new InvalidOperationException("The API is building its index from the database; the bench's index should have been opened as it is.");
        }

        Latencies.Measure("http", output, rounds, q => Total(http, "/api/search?" + QueryMix.QueryString(q)));
    }

    private static (int Total, bool Indexing) Browse(HttpClient http)
    {
        using var response = http.GetAsync("/api/search?pageSize=1").GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return (json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("indexing").GetBoolean());
    }

    private static int Total(HttpClient http, string url)
    {
        using var response = http.GetAsync(url).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
