using System.Net;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>Every search limit reaches a researcher as a 400 problem saying what to change, never a 500.</summary>
[TestClass]
public sealed class QueryLimitApiTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;
    private static string reference = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        // A time budget of one tick: every search that gets as far as collecting runs out of time, so the
        // limits checked before that show their own reason and any other search shows the time budget's.
        factory = new EvidenceHubFactory(services: services => services.AddSingleton(sp =>
            new EvidenceSearcher(sp.GetRequiredService<PassageIndex>()) { TimeBudget = TimeSpan.FromTicks(1) }));
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("LIM");
        var words = string.Join(' ', Enumerable.Range(0, 1_100).Select(i => $"zq{i:D4}"));
        reference = await api.UploadAcceptedAsync("LIM", TestDocuments.Text("1. Harbour words: " + words), "words.txt");
        await api.WaitUntilDoneAsync(reference);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Each_limit_answers_400_with_its_reason()
    {
        var cases = new Dictionary<string, string>
        {
            [new string('a', 1_001)] = "the limit is 1,000",
            [string.Join(' ', Enumerable.Range(0, 101).Select(i => $"w{i}"))] = "101 parts",
            [new string('(', 11) + "harbour" + new string(')', 11)] = "11 deep",
            ["/harb.*/"] = "regular expression",
            ["zq*"] = "more than 1,000 different words",
            ["harbour"] = "too broad to finish",
        };
        foreach (var (query, reason) in cases)
        {
            foreach (var url in new[] { "/api/search?q=", $"/api/submissions/{reference}/search?q=" })
            {
                if (url.Contains("/submissions/", StringComparison.Ordinal) && reason.StartsWith("too broad", StringComparison.Ordinal))
                {
                    continue; // search within one submission reads a few passages and has no time budget
                }

                var response = await api.Http.GetAsync(url + Uri.EscapeDataString(query));
                Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, $"{url}{query}");
                var problem = await ApiClient.ProblemAsync(response);
                Assert.AreEqual("The search query is not valid", problem["title"]!.GetValue<string>());
                Assert.Contains(reason, problem["detail"]!.GetValue<string>(), $"{url}{query}");
            }
        }
    }

    [TestMethod]
    public async Task A_slash_between_words_is_text_not_a_server_error()
    {
        foreach (var query in new[] { "24/7", "and/or", "harbour / words", "/unclosed" })
        {
            var response = await api.Http.GetAsync($"/api/submissions/{reference}/search?q=" + Uri.EscapeDataString(query));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, query);
        }
    }
}
