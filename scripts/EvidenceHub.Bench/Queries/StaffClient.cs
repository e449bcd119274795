using System.Net.Http.Headers;

namespace EvidenceHub.Bench.Queries;

/// <summary>
/// An HTTP client signed in as staff: the bench measures a researcher's searches (every submission,
/// whatever its publication), with the bearer token bench.sh got from <c>POST /api/auth/token</c>.
/// </summary>
internal static class StaffClient
{
    public const string TokenVariable = "EVIDENCEHUB_TOKEN";

    /// <param name="baseUrl">The API.</param>
    /// <param name="timeout">How long one request may take (two minutes unless said).</param>
    public static HttpClient For(string baseUrl, TimeSpan? timeout = null)
    {
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException($"Set {TokenVariable} to a staff token (bench.sh gets one from POST /api/auth/token).");
        }

        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = timeout ?? TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
