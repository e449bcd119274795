using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// Facet counts, totals, paging and date filters checked against counts computed here, independently,
/// from what was uploaded: a seeded random corpus and seeded random queries and filter combinations.
/// </summary>
[TestClass]
public sealed class FacetCountTests
{
    private static readonly string[] Words =
        ["harbour", "meadow", "lantern", "copper", "violet", "granite", "orchard", "falcon", "tunnel", "willow", "saddle", "pepper"];

    private static readonly string[] Kinds = ["written", "supplementary", "other"];
    private static readonly string?[] Categories = ["academic", "charity", "business", "local-authority", "individual", null];
    private static readonly string?[] Organisations =
        [.. Enumerable.Range(1, 14).Select(i => $"Organisation {(char)('A' + i)}"), null];
    private static readonly string[] Inquiries = ["PRA", "PRB"];
    private static readonly string[] FacetNames = ["kind", "category", "organisation", "year", "inquiry"];

    private static EvidenceHubFactory factory = null!;
    private static ApiClient staff = null!;
    private static ApiClient visitor = null!;
    private static readonly List<Uploaded> Corpus = [];

    private sealed record Uploaded(string Reference, string Inquiry, string Kind, string? Category, string? Organisation,
        DateOnly ReceivedOn, bool Published, IReadOnlyList<HashSet<string>> Passages)
    {
        public string? Value(string facet) => facet switch
        {
            "kind" => Kind,
            "category" => Category,
            "organisation" => Organisation,
            "year" => ReceivedOn.Year.ToString(CultureInfo.InvariantCulture),
            _ => Inquiry,
        };
    }

    private sealed record Case(string Query, Func<HashSet<string>, bool> Matches, Dictionary<string, List<string>> Filters,
        DateOnly? From, DateOnly? To, bool Public)
    {
        public string QueryString(string extra = "")
        {
            var parts = new List<string> { "facetLimit=1000", "pageSize=100" };
            if (Query.Length > 0)
            {
                parts.Add("q=" + Uri.EscapeDataString(Query));
            }

            parts.AddRange(Filters.SelectMany(f => f.Value.Select(v => $"{f.Key}={Uri.EscapeDataString(v)}")));
            if (From is { } from)
            {
                parts.Add($"from={from:yyyy-MM-dd}");
            }

            if (To is { } to)
            {
                parts.Add($"to={to:yyyy-MM-dd}");
            }

            return string.Join('&', parts) + extra;
        }

        public bool PassesExcept(Uploaded s, string? ignoredFacet) =>
            (!Public || s.Published)
            && (From is null || s.ReceivedOn >= From) && (To is null || s.ReceivedOn <= To)
            && s.Passages.Any(Matches)
            && Filters.All(f => f.Key == ignoredFacet || f.Value.Contains(s.Value(f.Key) ?? "\0"));
    }

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        // Slices of a few passages, so the counts are also checked when one search is collected in parallel slices.
        factory = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:SearchSlicePassages"] = "5" });
        staff = new ApiClient(factory.CreateAdminClient());
        var publicClient = factory.CreatePublicClient();
        visitor = new ApiClient(publicClient);
        foreach (var prefix in Inquiries)
        {
            await staff.CreateInquiryAsync(prefix);
        }

        var random = new Random(20240917);
        var pending = new List<(Uploaded Planned, Task<string> Reference)>();
        for (var i = 0; i < 25; i++)
        {
            var passages = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => Words.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToHashSet()).ToList();
            var planned = new Uploaded("", Pick(random, Inquiries), Pick(random, Kinds), Pick(random, Categories), Pick(random, Organisations),
                new DateOnly(2021, 1, 1).AddDays(random.Next(4 * 365)), random.Next(2) == 0, passages);
            var paragraphs = passages.Select((p, n) => string.Join(' ', p) + (n == 0 ? $" marker{i}" : "")).ToArray();
            var fields = new Dictionary<string, string>
            {
                ["submitterName"] = $"Submitter {i}",
                ["kind"] = planned.Kind,
                ["receivedOn"] = planned.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (planned.Category is not null)
            {
                fields["category"] = planned.Category;
            }

            if (planned.Organisation is not null)
            {
                fields["organisation"] = planned.Organisation;
            }

            pending.Add((planned, staff.UploadAcceptedAsync(planned.Inquiry, TestDocuments.Text(paragraphs), $"s{i}.txt", fields)));
        }

        foreach (var (planned, upload) in pending)
        {
            var uploaded = planned with { Reference = await upload };
            var done = await staff.WaitUntilDoneAsync(uploaded.Reference);
            Assert.AreEqual(planned.Passages.Count, done["passageCount"]!.GetValue<int>(), $"{uploaded.Reference}: one passage per paragraph");
            if (uploaded.Published)
            {
                await staff.PublishAsync(uploaded.Reference);
            }

            Corpus.Add(uploaded);
        }

        await visitor.WaitForTotalAsync("pageSize=1", Corpus.Count(s => s.Published), TimeSpan.FromSeconds(20));
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Totals_and_every_facet_count_match_counts_computed_from_the_uploads_for_random_queries_and_filters()
    {
        var random = new Random(7);
        var failures = new List<string>();
        for (var n = 0; n < 50; n++)
        {
            var test = RandomCase(random);
            var results = await (test.Public ? visitor : staff).SearchAsync(test.QueryString());
            var label = $"[{(test.Public ? "public" : "staff")}] {test.QueryString()}";

            var expected = Corpus.Where(s => test.PassesExcept(s, null)).Select(s => s.Reference).Order(StringComparer.Ordinal).ToList();
            var actual = results["hits"]!.AsArray().Select(h => h!["reference"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            if (results["total"]!.GetValue<int>() != expected.Count || !actual.SequenceEqual(expected))
            {
                failures.Add($"{label}: total {results["total"]} [{string.Join(',', actual)}], expected {expected.Count} [{string.Join(',', expected)}]");
            }

            foreach (var facet in FacetNames)
            {
                var expectedCounts = Corpus.Where(s => test.PassesExcept(s, facet) && s.Value(facet) is not null)
                    .GroupBy(s => s.Value(facet)!).ToDictionary(g => g.Key, g => g.Count());
                var actualCounts = results["facets"]![facet]!.AsArray()
                    .ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
                if (!Same(expectedCounts, actualCounts))
                {
                    failures.Add($"{label}: {facet} {Show(actualCounts)}, expected {Show(expectedCounts)}");
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    [TestMethod]
    public async Task Paging_through_every_sort_two_at_a_time_returns_each_submission_exactly_once()
    {
        foreach (var query in new[] { "", "q=harbour OR meadow OR lantern OR copper" })
        {
            foreach (var sort in new[] { "relevance", "date", "-date", "reference" })
            {
                var seen = new List<string>();
                var total = 0;
                for (var page = 1; page <= 20; page++)
                {
                    var results = await staff.SearchAsync($"{query}&sort={sort}&pageSize=2&page={page}");
                    total = results["total"]!.GetValue<int>();
                    var hits = results["hits"]!.AsArray();
                    seen.AddRange(hits.Select(h => h!["reference"]!.GetValue<string>()));
                    if (hits.Count < 2)
                    {
                        break;
                    }
                }

                Assert.HasCount(total, seen, $"{query} sort={sort}");
                Assert.HasCount(seen.Count, seen.Distinct(), $"{query} sort={sort}: a submission came twice");
                if (sort is "date" or "-date")
                {
                    var dates = seen.Select(r => Corpus.Single(s => s.Reference == r).ReceivedOn).ToList();
                    var ordered = sort == "date" ? dates.Order().ToList() : dates.OrderDescending().ToList();
                    Assert.AreSequenceEqual(ordered, dates, $"{query} sort={sort}");
                }
            }
        }
    }

    [TestMethod]
    public async Task From_and_to_filter_on_the_received_date_and_the_year_facet_counts_submissions_per_year()
    {
        var results = await staff.SearchAsync("from=2022-01-01&to=2022-12-31&pageSize=100");
        var expected = Corpus.Count(s => s.ReceivedOn.Year == 2022);
        Assert.AreEqual(expected, results["total"]!.GetValue<int>());
        foreach (var hit in results["hits"]!.AsArray())
        {
            Assert.StartsWith("2022-", hit!["receivedOn"]!.GetValue<string>());
        }

        var years = (await staff.SearchAsync("year=2021"))["facets"]!["year"]!.AsArray()
            .ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
        var expectedYears = Corpus.GroupBy(s => s.ReceivedOn.Year.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count());
        Assert.IsTrue(Same(expectedYears, years), $"{Show(years)} != {Show(expectedYears)} (the year facet ignores its own filter)");
        Assert.AreEqual(expectedYears["2022"], (await staff.SearchAsync("year=2022"))["total"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task FacetLimit_asks_for_more_values_and_the_default_is_ten_most_frequent_first()
    {
        var distinct = Corpus.Where(s => s.Organisation is not null).Select(s => s.Organisation).Distinct().Count();
        Assert.IsGreaterThan(10, distinct, "the corpus needs more than ten organisations for this test");

        var byDefault = (await staff.SearchAsync(""))["facets"]!["organisation"]!.AsArray();
        Assert.HasCount(10, byDefault);
        var counts = byDefault.Select(v => v!["count"]!.GetValue<int>()).ToList();
        Assert.AreSequenceEqual(counts.OrderDescending().ToList(), counts, "most frequent first");

        Assert.HasCount(distinct, (await staff.SearchAsync("facetLimit=1000"))["facets"]!["organisation"]!.AsArray());
        Assert.HasCount(3, (await staff.SearchAsync("facetLimit=3"))["facets"]!["organisation"]!.AsArray());
        foreach (var bad in new[] { "facetLimit=0", "facetLimit=1001", "facetLimit=many" })
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, (await staff.Http.GetAsync("/api/search?" + bad)).StatusCode, bad);
        }
    }

    private static Case RandomCase(Random random)
    {
        var a = Pick(random, Words);
        var b = Pick(random, Words.Where(w => w != a).ToArray());
        var (query, matches) = random.Next(5) switch
        {
            0 => ("", (Func<HashSet<string>, bool>)(_ => true)),
            1 => (a, p => p.Contains(a)),
            2 => ($"{a} {b}", p => p.Contains(a) && p.Contains(b)),
            3 => ($"{a} OR {b}", p => p.Contains(a) || p.Contains(b)),
            _ => ($"{a} -{b}", p => p.Contains(a) && !p.Contains(b)),
        };

        var filters = new Dictionary<string, List<string>>();
        foreach (var facet in FacetNames)
        {
            if (random.Next(10) < 3)
            {
                var domain = Corpus.Select(s => s.Value(facet)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
                filters[facet] = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, domain)).Distinct().ToList();
            }
        }

        DateOnly? from = random.Next(4) == 0 ? new DateOnly(2021, 1, 1).AddDays(random.Next(3 * 365)) : null;
        DateOnly? to = random.Next(4) == 0 ? (from ?? new DateOnly(2021, 1, 1)).AddDays(random.Next(2 * 365)) : null;
        return new Case(query, matches, filters, from, to, random.Next(10) < 3);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static bool Same(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Show(Dictionary<string, int> counts) =>
        new StringBuilder("{").AppendJoin(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")).Append('}').ToString();
}
