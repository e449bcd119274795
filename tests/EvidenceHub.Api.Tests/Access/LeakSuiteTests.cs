using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>
/// The leak suite: over a random repository (<see cref="LeakWorld"/>), every GET route of the API, listed
/// from the endpoint data source, is called as the public and as each role of one inquiry, for every
/// reference, passage, theme, quote and format (and each planted word misspelt, which a spelling suggestion
/// must not answer with the word). No caller may ever see a word planted where only another
/// inquiry's staff may read, or an unpublished reference of another inquiry; no call may answer 500;
/// and every count is the count of what the caller may read.
/// </summary>
[TestClass]
public sealed class LeakSuiteTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCEHUB_LEAK_SEED"), out var seed) ? seed : 20261201;

    private static EvidenceHubFactory factory = null!;
    private static LeakWorld world = null!;
    private static Dictionary<string, (ApiClient Client, string? Inquiry)> callers = null!;

    [ClassInitialize]
    public static async Task BuildAsync(TestContext context)
    {
        context.WriteLine($"leak suite seed {Seed} (set EVIDENCEHUB_LEAK_SEED to replay another)");
        factory = new EvidenceHubFactory();
        var admin = new ApiClient(factory.CreateAdminClient());
        world = new LeakWorld(Seed);
        await world.BuildAsync(admin);
        callers = new()
        {
            ["public"] = (new ApiClient(factory.CreatePublicClient()), null),
            ["clerk"] = (new ApiClient(await factory.CreateUserClientAsync("leak.clerk@example.org", "clerk", "LKA")), "LKA"),
            ["researcher"] = (new ApiClient(await factory.CreateUserClientAsync("leak.researcher@example.org", "researcher", "LKA")), "LKA"),
            ["author"] = (new ApiClient(await factory.CreateUserClientAsync("leak.author@example.org", "author", "LKA")), "LKA"),
        };

        // Everything read and every rule applied before anyone looks.
        foreach (var prefix in LeakWorld.Prefixes)
        {
            var expected = world.Submissions.Count(s => s.Inquiry == prefix);
            await admin.WaitForTotalAsync($"inquiry={prefix}&theme={Uri.EscapeDataString($"Lanterns {prefix}")}", expected, TimeSpan.FromSeconds(60));
        }
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task No_caller_reads_a_planted_word_or_an_unpublished_reference_outside_their_own_inquiry_on_any_GET_route()
    {
        var urls = Urls();
        Assert.IsGreaterThan(200, urls.Count, "every route with every value");
        var leaks = new List<string>();
        foreach (var (name, (client, inquiry)) in callers)
        {
            var forbidden = Forbidden(inquiry);
            foreach (var url in urls)
            {
                var response = await client.Http.GetAsync(url);
                var body = await BodyAsync(response);
                if ((int)response.StatusCode >= 500)
                {
                    leaks.Add($"{name} {url}: {(int)response.StatusCode}");
                    continue;
                }

                // A word the caller put in the URL may come back ("The submission LKB0004 does not exist"): not a leak.
                foreach (var word in forbidden.Where(w => body.Contains(w, StringComparison.OrdinalIgnoreCase) && !url.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    leaks.Add($"{name} {url}: '{word}'");
                }
            }
        }

        Assert.IsEmpty(leaks, $"seed {Seed}: {leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(40)));
    }

    [TestMethod]
    public async Task Every_count_is_the_count_of_what_the_caller_may_read()
    {
        var wrong = new List<string>();
        foreach (var (name, (client, inquiry)) in callers)
        {
            var visible = world.Submissions.Where(s => s.Published || s.Inquiry == inquiry).ToList();
            var listed = (await client.GetJsonAsync("/api/inquiries")).AsArray()
                .ToDictionary(i => i!["prefix"]!.GetValue<string>(), i => i!["submissionCount"]!.GetValue<int>());
            foreach (var prefix in LeakWorld.Prefixes)
            {
                var mine = visible.Where(s => s.Inquiry == prefix).ToList();
                var exists = mine.Count > 0 || prefix == inquiry;
                Check(wrong, name, $"listed {prefix}", exists, listed.ContainsKey(prefix));
                if (!exists)
                {
                    Check(wrong, name, $"GET inquiry {prefix}", HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/inquiries/{prefix}")).StatusCode);
                    continue;
                }

                Check(wrong, name, $"submissionCount {prefix}", mine.Count, listed[prefix]);
                Check(wrong, name, $"list total {prefix}", mine.Count, (await client.GetJsonAsync($"/api/inquiries/{prefix}/submissions?pageSize=100"))["total"]!.GetValue<int>());
                var results = await client.SearchAsync($"inquiry={prefix}&facetLimit=1000");
                Check(wrong, name, $"search total {prefix}", mine.Count, results["total"]!.GetValue<int>());
                foreach (var category in mine.Select(s => s.Category).Distinct())
                {
                    Check(wrong, name, $"category {category} in {prefix}", mine.Count(s => s.Category == category), Facet(results, "category", category));
                }

                foreach (var organisation in world.Submissions.Where(s => s.Inquiry == prefix && s.Organisation is not null).Select(s => s.Organisation!).Distinct())
                {
                    Check(wrong, name, $"organisation {organisation} in {prefix}", mine.Count(s => s.Organisation == organisation), Facet(results, "organisation", organisation));
                }

                var coverage = await client.GetJsonAsync($"/api/inquiries/{prefix}/themes/coverage");
                Check(wrong, name, $"coverage {prefix}", mine.Count, coverage["themes"]![0]!["submissions"]!.GetValue<int>());
                Check(wrong, name, $"theme facet {prefix}", mine.Count, Facet(results, "theme", $"Lanterns {prefix}"));
            }

            var everywhere = await client.SearchAsync($"q={LeakWorld.CommonWord}&facetLimit=1000");
            Check(wrong, name, "search total everywhere", visible.Count, everywhere["total"]!.GetValue<int>());
        }

        Assert.IsEmpty(wrong, $"seed {Seed}:\n" + string.Join("\n", wrong));
    }

    private static void Check<T>(List<string> wrong, string caller, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            wrong.Add($"{caller}: {what} is {actual}, should be {expected}");
        }
    }

    private static int Facet(JsonNode results, string facet, string value) =>
        results["facets"]![facet]!.AsArray().FirstOrDefault(v => v!["value"]!.GetValue<string>() == value)?["count"]!.GetValue<int>() ?? 0;

    /// <summary>What this caller may not read: every secret of the other inquiries and their unpublished references.</summary>
    private static List<string> Forbidden(string? inquiry) =>
        world.Secrets.Where(kv => kv.Key != inquiry).SelectMany(kv => kv.Value)
            .Concat(world.Submissions.Where(s => !s.Published && s.Inquiry != inquiry).Select(s => s.Reference))
            .ToList();

    /// <summary>Every GET route with every value its parameters can take, and the query variants that change what it shows.</summary>
    private static List<string> Urls()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Distinct()
            .ToList();
        var urls = new List<string>();
        foreach (var route in endpoints)
        {
            foreach (var path in Fill(route))
            {
                urls.AddRange(Variants(route, path));
            }
        }

        return urls;
    }

    private static IEnumerable<string> Fill(string route)
    {
        var paths = new List<string> { route };
        foreach (var parameter in System.Text.RegularExpressions.Regex.Matches(route, @"\{([^}:]+)(:[^}]*)?\}").Select(m => m))
        {
            var values = Values(route, parameter.Groups[1].Value);
            paths = paths.SelectMany(p => values.Select(v => p.Replace(parameter.Value, Uri.EscapeDataString(v), StringComparison.Ordinal))).ToList();
        }

        return paths;
    }

    private static IEnumerable<string> Values(string route, string parameter) => parameter switch
    {
        "prefix" => LeakWorld.Prefixes,
        "documentName" => ["v1"],
        "reference" => world.Submissions.Select(s => s.Reference),
        "key" => LeakWorld.Prefixes.Select(p => $"Chapter {p}"),
        "userId" => ["1", "2", "3"],
        "id" when route.StartsWith("/api/themes", StringComparison.Ordinal) => world.ThemeIds.Select(Id),
        "id" when route.StartsWith("/api/quotes", StringComparison.Ordinal) => world.QuoteIds.Select(Id),
        "id" when route.StartsWith("/api/passages", StringComparison.Ordinal) => world.PassageIds.Select(Id),
        "id" when route.StartsWith("/api/users", StringComparison.Ordinal) => ["1", "2", "3"],
        _ => throw new AssertFailedException($"The leak suite does not know how to fill {{{parameter}}} in {route}: teach it (LeakSuiteTests.Values), so the new route is checked too."),
    };

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Variants(string route, string path)
    {
        yield return path;
        foreach (var format in new[] { "csv", "svg", "md", "docx" })
        {
            yield return $"{path}?format={format}";
        }

        if (route == "/api/search")
        {
            foreach (var word in world.Secrets.Values.SelectMany(w => w))
            {
                yield return $"{path}?facetLimit=1000&q={word}";
                yield return $"{path}?q={LeakWorld.Misspelt(word)}";
                yield return $"{path}?q=submitter:{word}";
                yield return $"{path}?q=organisation:{word}";
            }

            foreach (var prefix in LeakWorld.Prefixes)
            {
                yield return $"{path}?facetLimit=1000&inquiry={prefix}";
            }
        }
        else if (route.EndsWith("/search", StringComparison.Ordinal))
        {
            yield return $"{path}?q={LeakWorld.CommonWord}";
            foreach (var word in world.Secrets.Values.SelectMany(w => w))
            {
                yield return $"{path}?q={word}";
            }
        }
        else if (route.EndsWith("/file", StringComparison.Ordinal))
        {
            yield return $"{path}?version=1";
        }
        else if (route == "/api/quotes" || route == "/api/quotes/export")
        {
            foreach (var prefix in LeakWorld.Prefixes)
            {
                yield return $"{path}?collection={Uri.EscapeDataString($"Chapter {prefix}")}&format=docx";
                yield return $"{path}?collection={Uri.EscapeDataString($"Chapter {prefix}")}&format=csv";
            }

            if (route == "/api/quotes/export")
            {
                foreach (var format in new[] { "csl-json", "csl-citations", "ris", "bibtex" })
                {
                    yield return $"{path}?format={format}";
                }
            }
        }
    }

    /// <summary>The body as text; a Word file (a ZIP) as the text of all its parts.</summary>
    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }

            return text.ToString();
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
