using System.Net;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Search;

[TestClass]
public sealed class SearchApiTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("SRC");
        var uploads = new[]
        {
            (TestDocuments.Text("1. Community ownership of the village pub kept it open.", "2. The community hall needs a new roof & <safe> wiring."), "community-group", "Fictional Pub Co-op"),
            (TestDocuments.Text("1. Devolution to neighbourhoods works when budgets are long term.", "2. Community ownership is a distraction from revenue funding."), "academic", "Fictional University"),
            (TestDocuments.Text("1. Competitive bidding pots exclude councils with little capacity."), "local-authority", "Fictional Borough Council"),
        };
        foreach (var (content, category, organisation) in uploads)
        {
            var reference = await api.UploadAcceptedAsync("SRC", content, organisation + ".txt",
                new Dictionary<string, string> { ["submitterName"] = "A. Person", ["organisation"] = organisation, ["category"] = category, ["receivedOn"] = "2023-09-01" });
            await api.WaitUntilDoneAsync(reference);
        }
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Words_are_stemmed_and_total_counts_submissions_not_passages()
    {
        var results = await api.SearchAsync("q=community&inquiry=SRC");

        Assert.AreEqual(2, results["total"]!.GetValue<int>());
        var first = results["hits"]![0]!;
        Assert.IsTrue(first["passages"]!.AsArray().Count is >= 1 and <= 3);
    }

    [TestMethod]
    public async Task An_exact_phrase_matches_only_the_exact_words()
    {
        var exact = await api.SearchAsync("q=" + Uri.EscapeDataString("\"competitive bidding pots\""));
        Assert.AreEqual(1, exact["total"]!.GetValue<int>());

        var stemmedOnly = await api.SearchAsync("q=" + Uri.EscapeDataString("\"competitive bidding pot\""));
        Assert.AreEqual(0, stemmedOnly["total"]!.GetValue<int>(), "an exact phrase is not stemmed");
    }

    [TestMethod]
    public async Task Snippets_escape_the_source_text_and_mark_the_match()
    {
        var results = await api.SearchAsync("q=wiring");
        var snippet = results["hits"]![0]!["passages"]![0]!["snippet"]!.GetValue<string>();

        Assert.Contains("&amp;", snippet);
        Assert.Contains("&lt;safe&gt;", snippet);
        Assert.Contains("<mark>wiring</mark>", snippet);
    }

    [TestMethod]
    public async Task Stop_words_among_alternatives_are_not_marked_but_a_phrase_keeps_its_own()
    {
        var alternatives = await api.SearchAsync("q=" + Uri.EscapeDataString("the OR roof OR of") + "&inquiry=SRC");
        var snippet = alternatives["hits"]![0]!["passages"]![0]!["snippet"]!.GetValue<string>();
        Assert.Contains("<mark>roof</mark>", snippet);
        Assert.DoesNotContain("<mark>The</mark>", snippet, "a stop word among other words weighs nothing and is not marked");

        var phrase = await api.SearchAsync("q=" + Uri.EscapeDataString("\"ownership of the village\"") + "&inquiry=SRC");
        Assert.Contains("<mark>ownership</mark> <mark>of</mark> <mark>the</mark> <mark>village</mark>",
            phrase["hits"]![0]!["passages"]![0]!["snippet"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Filters_narrow_by_category_and_kind_and_facets_count_submissions()
    {
        var results = await api.SearchAsync("q=community&category=academic");
        Assert.AreEqual(1, results["total"]!.GetValue<int>());
        Assert.AreEqual("Fictional University", results["hits"]![0]!["organisation"]!.GetValue<string>());

        var browse = await api.SearchAsync("inquiry=SRC&kind=written");
        Assert.AreEqual(3, browse["total"]!.GetValue<int>());
        var kinds = browse["facets"]!["kind"]!.AsArray();
        Assert.AreEqual("written", kinds[0]!["value"]!.GetValue<string>());
        Assert.AreEqual(3, kinds[0]!["count"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_query_that_does_not_parse_is_a_400_saying_where()
    {
        foreach (var bad in new[] { "\"unclosed phrase", "(community AND", "community AND", "*ownership", "nosuchfield:pub" })
        {
            var response = await api.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString(bad));
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, bad);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.AreEqual("The search query is not valid", problem["title"]!.GetValue<string>(), bad);
            Assert.IsFalse(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
        }
    }

    [TestMethod]
    public async Task A_leading_wildcard_is_refused_with_the_reason()
    {
        var response = await api.Http.GetAsync("/api/search?q=*ownership");
        var detail = (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>();
        Assert.Contains("wildcard", detail);
    }

    [TestMethod]
    public async Task A_title_with_the_words_raises_a_submission_and_so_does_a_second_passage_that_matches()
    {
        await api.CreateInquiryAsync("RNK");
        async Task<string> Upload(string title, params string[] paragraphs)
        {
            var reference = await api.UploadAcceptedAsync("RNK", TestDocuments.Text(paragraphs), title + ".txt",
                new Dictionary<string, string> { ["submitterName"] = "A. Person", ["title"] = title });
            await api.WaitUntilDoneAsync(reference);
            return reference;
        }

        var titled = await Upload("Ferries to the islands", "1. The ferries are late here.");
        var untitled = await Upload("Written evidence", "1. The ferries are late there.");
        var twice = await Upload("Written evidence again", "1. The tramways are slow here.", "2. The tramways are full there.");
        var once = await Upload("Written evidence once more", "1. The tramways are slow there.", "2. The weather is fine here.");

        var ferries = (await api.SearchAsync("q=ferries&inquiry=RNK"))["hits"]!.AsArray();
        Assert.AreSequenceEqual(new[] { titled, untitled }, ferries.Select(h => h!["reference"]!.GetValue<string>()).ToArray(),
            "the same passage ranks higher under a title that has the word");
        var tramways = (await api.SearchAsync("q=tramways&inquiry=RNK"))["hits"]!.AsArray();
        Assert.AreSequenceEqual(new[] { twice, once }, tramways.Select(h => h!["reference"]!.GetValue<string>()).ToArray(),
            "a second matching passage adds to the best one's score");
        Assert.IsGreaterThan(tramways[1]!["score"]!.GetValue<float>(), tramways[0]!["score"]!.GetValue<float>());
    }

    [TestMethod]
    public async Task Explain_is_for_staff_and_says_how_the_passages_combined()
    {
        var explained = await api.SearchAsync("q=community&inquiry=SRC&explain=true");
        foreach (var hit in explained["hits"]!.AsArray())
        {
            var text = hit!["explanation"]!.GetValue<string>();
            Assert.StartsWith(hit["score"]!.GetValue<float>().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + " = ", text);
            Assert.Contains("Passage ", text);
            Assert.Contains("weight(text:commun", text, "Lucene's explanation of the best passage names the word that matched");
        }

        Assert.IsNull((await api.SearchAsync("q=community&inquiry=SRC"))["hits"]![0]!["explanation"], "no explanation unless asked");

        using var publicClient = factory.CreatePublicClient();
        var refused = await publicClient.GetAsync("/api/search?q=community&explain=true");
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("staff", (await ApiClient.ProblemAsync(refused))["detail"]!.GetValue<string>());

        var bad = await api.Http.GetAsync("/api/search?q=community&explain=yes");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [TestMethod]
    public async Task Bad_filters_and_sorts_are_400s()
    {
        foreach (var bad in new[] { "category=pirates", "kind=poem", "from=yesterday", "sort=random", "page=0", "from=2024-01-01&to=2023-01-01" })
        {
            var response = await api.Http.GetAsync("/api/search?" + bad);
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, bad);
        }
    }

    [TestMethod]
    public async Task Prefix_fuzzy_and_field_queries_work()
    {
        Assert.AreEqual(2, (await api.SearchAsync("q=communit*"))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await api.SearchAsync("q=devolutoin~"))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await api.SearchAsync("q=" + Uri.EscapeDataString("organisation:\"Fictional Borough Council\"")))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await api.SearchAsync("q=ref:src0001"))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await api.SearchAsync("q=" + Uri.EscapeDataString("community -pub -hall")))["total"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_fuzzy_query_marks_the_word_it_matched()
    {
        var snippet = (await api.SearchAsync("q=devolutoin~"))["hits"]![0]!["passages"]![0]!["snippet"]!.GetValue<string>();
        Assert.Contains("<mark>devolution</mark>", snippet.ToLowerInvariant());
    }

    [TestMethod]
    public async Task Markup_in_passage_text_comes_back_escaped_in_snippets_and_search_within()
    {
        await api.CreateInquiryAsync("ESC");
        var reference = await api.UploadAcceptedAsync("ESC",
            TestDocuments.Text("1. The ferret report <script>alert('x')</script> says <b>bold</b> things & more."), "markup.txt");
        await api.WaitUntilDoneAsync(reference);

        var snippet = (await api.SearchAsync("q=ferret&inquiry=ESC"))["hits"]![0]!["passages"]![0]!["snippet"]!.GetValue<string>();
        var within = (await api.GetJsonAsync($"/api/submissions/{reference}/search?q=ferret"))[0]!["snippet"]!.GetValue<string>();
        foreach (var text in new[] { snippet, within })
        {
            Assert.Contains("<mark>ferret</mark>", text);
            Assert.Contains("&lt;script&gt;", text);
            Assert.DoesNotContain("<script>", text);
            Assert.DoesNotContain("<b>", text);
        }
    }

    [TestMethod]
    public async Task A_submitter_field_query_finds_the_submitter_by_name()
    {
        await api.CreateInquiryAsync("SUB");
        var reference = await api.UploadAcceptedAsync("SUB", TestDocuments.Text("1. Words from a named witness about hedgerows."), "named.txt",
            new Dictionary<string, string> { ["submitterName"] = "Ada Lovelace-Byron" });
        await api.WaitUntilDoneAsync(reference);

        var byName = await api.SearchAsync("q=" + Uri.EscapeDataString("submitter:\"ada lovelace\""));
        Assert.AreEqual(1, byName["total"]!.GetValue<int>());
        Assert.AreEqual(reference, byName["hits"]![0]!["reference"]!.GetValue<string>());
        Assert.AreEqual(1, (await api.SearchAsync("q=" + Uri.EscapeDataString("submitter:lovelace AND hedgerows")))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await api.SearchAsync("q=" + Uri.EscapeDataString("submitter:\"A. Person\" AND hedgerows")))["total"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task The_public_cannot_find_or_see_an_anonymous_submitters_name_or_organisation()
    {
        await api.CreateInquiryAsync("ANO");
        var reference = await api.UploadAcceptedAsync("ANO", TestDocuments.Text("1. Words from a witness who asked not to be named, about estuaries."), "anon.txt",
            new Dictionary<string, string> { ["submitterName"] = "Quentin Hiddenname", ["organisation"] = "Hiddenname Holdings", ["anonymous"] = "true" });
        await api.WaitUntilDoneAsync(reference);
        await api.PublishAsync(reference);
        var visitor = new ApiClient(factory.CreatePublicClient());

        var found = await visitor.WaitForTotalAsync("q=estuaries&inquiry=ANO&facetLimit=100", 1);
        Assert.DoesNotContain("Hiddenname", found.ToJsonString(), "not in the hit, its citation or the organisation facet");
        Assert.AreEqual("Anonymous", found["hits"]![0]!["submitterName"]!.GetValue<string>());
        foreach (var query in new[] { "submitter:Hiddenname", "organisation:\"Hiddenname Holdings\"", "submitter:Hidden*", "submitter:Hiddenam~" })
        {
            Assert.AreEqual(0, (await visitor.SearchAsync("q=" + Uri.EscapeDataString(query)))["total"]!.GetValue<int>(), query);
            Assert.AreEqual(1, (await api.SearchAsync("q=" + Uri.EscapeDataString(query)))["total"]!.GetValue<int>(), $"staff: {query}");
        }

        Assert.AreEqual(0, (await api.SearchAsync("organisation=" + Uri.EscapeDataString("Hiddenname Holdings")))["total"]!.GetValue<int>(),
            "the organisation facet counts named submissions only, for staff too");
    }
}
