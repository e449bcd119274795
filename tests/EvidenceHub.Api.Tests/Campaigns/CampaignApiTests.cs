using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Api.Tests.Themes;

namespace EvidenceHub.Api.Tests.Campaigns;

/// <summary>Campaigns from outside: copies of a template uploaded one by one are grouped, their own words found, and a clerk's decisions kept.</summary>
[TestClass]
public sealed class CampaignApiTests
{
    private static readonly string[] Template =
    [
        "The Fernside Streets Network asks the committee to let residents decide how regeneration money is spent in their own streets.",
        "Our bus routes were cut twice in three years and older neighbours can no longer reach the surgery or the market without a lift.",
        "The youth club closed when its grant ended and nothing has replaced it for the children who live on the Fernside estate.",
        "We ask for a neighbourhood fund run by residents, with ten years of money rather than one-year bids written against each other.",
    ];

    private static readonly string[] Greetings = ["Dear Committee,", "Dear Chair,", "To whom it may concern,", "Hello,"];

    private static readonly string[] Topics = ["libraries", "bus fares", "allotments", "the swimming pool", "street lighting", "the post office", "the market hall", "broadband", "the skate park", "the health centre"];

    private static EvidenceHubFactory factory = null!;
    private static ApiClient clerk = null!;
    private static ApiClient visitor = null!;
    private static List<string> copies = null!;
    private static List<string> others = null!;

    [ClassInitialize]
    public static async Task UploadAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        clerk = await ClerkOfNewInquiryAsync(factory);
        visitor = new ApiClient(factory.CreatePublicClient());
        (copies, others) = await UploadLettersAsync(clerk, 20, 10);
    }

    internal static async Task<ApiClient> ClerkOfNewInquiryAsync(EvidenceHubFactory factory)
    {
        var admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("CMP", "A campaign inquiry");
        return new ApiClient(await factory.CreateUserClientAsync("campaign.clerk@example.org", "clerk", "CMP"));
    }

    /// <summary>Copies of the template and unrelated letters, interleaved, uploaded one after another and then all read.</summary>
    internal static async Task<(List<string> Copies, List<string> Others)> UploadLettersAsync(ApiClient clerk, int copyCount, int otherCount)
    {
        List<string> copies = [];
        List<string> others = [];
        for (var i = 0; i < copyCount + otherCount; i++)
        {
            var copy = copies.Count < copyCount && (i % 3 != 2 || others.Count == otherCount);
            var text = copy ? CopyText(copies.Count) : OtherText(others.Count);
            var reference = await clerk.UploadAcceptedAsync("CMP", TestDocuments.Text(text), $"letter{i}.txt",
                new Dictionary<string, string> { ["submitterName"] = $"Resident {i}", ["category"] = "individual" });
            (copy ? copies : others).Add(reference);
        }

        foreach (var reference in copies.Concat(others))
        {
            await clerk.WaitUntilDoneAsync(reference);
        }

        return (copies, others);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    /// <summary>Copy n: the template with a greeting, paragraphs reordered or dropped now and then, and a paragraph of its own.</summary>
    internal static string[] CopyText(int n)
    {
        var body = Template.ToList();
        if (n % 4 == 1)
        {
            body.Reverse();
        }

        if (n % 5 == 3)
        {
            body.RemoveAt(1);
        }

        body.Insert(n % body.Count, OwnSentence(n));
        return [Greetings[n % Greetings.Length], .. body, $"Resident number {n}"];
    }

    /// <summary>Copy n's own paragraph: words of its own, with one word no other letter has.</summary>
    internal static string OwnSentence(int n) => $"{Words(1000 + n, 16)} zzown{n}word {Words(2000 + n, 6)}.";

    /// <summary>Unrelated letter n on the same topic, in words of its own.</summary>
    internal static string[] OtherText(int n) =>
        ["Dear Committee,", $"I write about {Topics[n % Topics.Length]}. {Words(3000 + n, 24)}.", $"{Words(4000 + n, 30)}.", "Yours sincerely,"];

    private static readonly string[] Vocabulary =
    [
        "council", "residents", "money", "street", "bus", "library", "park", "children", "older", "neighbours", "shop", "closed", "years",
        "funding", "grant", "estate", "town", "hall", "youth", "club", "market", "jobs", "rent", "homes", "trust", "volunteers", "doctor",
        "school", "walk", "winter", "lamps", "bench", "pavement", "broken", "promised", "waited", "asked", "nobody", "answered", "again",
    ];

    private static string Words(int seed, int count)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    [TestMethod]
    public async Task Twenty_copies_among_ten_unrelated_letters_form_one_campaign_of_twenty()
    {
        var campaigns = (await clerk.GetJsonAsync("/api/inquiries/CMP/campaigns"))["items"]!.AsArray();

        Assert.HasCount(1, campaigns, campaigns.ToJsonString());
        var campaign = campaigns[0]!;
        Assert.AreEqual(20, campaign["size"]!.GetValue<int>());
        Assert.AreSequenceEqual(copies.Order(StringComparer.Ordinal).ToList(), campaign["members"]!.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("neighbourhood fund run by residents", campaign["exemplar"]!.GetValue<string>());
        Assert.DoesNotContain("zzown", campaign["exemplar"]!.GetValue<string>(), "the exemplar is the template, not anyone's own words");
        Assert.HasCount(20, campaign["ownWords"]!.AsArray(), "each copy's own paragraph, and nothing of the template");
        Assert.IsGreaterThan(0.5, campaign["similarity"]!.GetValue<double>());

        var record = await clerk.GetJsonAsync($"/api/submissions/{copies[3]}");
        Assert.AreEqual(campaign["id"]!.GetValue<long>(), record["campaign"]!["id"]!.GetValue<long>());
        Assert.IsNull((await clerk.GetJsonAsync($"/api/submissions/{others[0]}"))["campaign"]);
    }

    [TestMethod]
    public async Task A_sentence_only_one_copy_added_finds_that_copy_as_its_own_words()
    {
        var results = await clerk.SearchAsync("inquiry=CMP&q=" + Uri.EscapeDataString("zzown7word"));

        Assert.AreSequenceEqual(new[] { copies[7] }, ThemeClient.References(results));
        Assert.IsTrue(results["hits"]![0]!["passages"]![0]!["ownWords"]!.GetValue<bool>());
        var own = await clerk.SearchAsync("inquiry=CMP&ownWords=true&q=" + Uri.EscapeDataString("\"neighbourhood fund run by residents\""));
        Assert.AreEqual(0, own["total"]!.GetValue<int>(), "the template's words are nobody's own");
        var passages = (await clerk.GetJsonAsync($"/api/submissions/{copies[7]}/passages")).AsArray();
        Assert.AreSequenceEqual(new[] { OwnSentence(7) }, passages.Where(p => p!["ownWords"]!.GetValue<bool>()).Select(p => p!["text"]!.GetValue<string>()).ToList());
    }

    [TestMethod]
    public async Task The_response_facet_counts_twenty_campaign_copies_and_ten_individual_responses()
    {
        var results = await clerk.SearchAsync("inquiry=CMP&facetLimit=1000");
        var response = ThemeClient.Facet(results, "response");

        Assert.AreEqual(20, response["campaign"]);
        Assert.AreEqual(10, response["individual"]);
        Assert.AreEqual(10, (await clerk.SearchAsync("inquiry=CMP&response=individual"))["total"]!.GetValue<int>());
        var id = (await clerk.GetJsonAsync("/api/inquiries/CMP/campaigns"))["items"]![0]!["id"]!.GetValue<long>();
        Assert.AreEqual(20, (await clerk.SearchAsync($"inquiry=CMP&campaign={id}"))["total"]!.GetValue<int>());
        Assert.AreEqual(HttpStatusCode.BadRequest, (await clerk.Http.GetAsync("/api/search?response=template")).StatusCode);
    }

    [TestMethod]
    public async Task The_public_sees_only_published_members_and_no_names()
    {
        Assert.AreEqual(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/api/inquiries/CMP/campaigns")).StatusCode, "nothing published yet");
        await clerk.PublishAsync(copies[0]);
        await clerk.PublishAsync(copies[1]);
        await clerk.PublishAsync(others[0]);

        var campaigns = (await visitor.GetJsonAsync("/api/inquiries/CMP/campaigns"))["items"]!.AsArray();

        Assert.HasCount(1, campaigns);
        Assert.AreEqual(2, campaigns[0]!["size"]!.GetValue<int>());
        Assert.AreSequenceEqual(new[] { copies[0], copies[1] }, campaigns[0]!["members"]!.AsArray().Select(m => m!.GetValue<string>()).ToList());
        var body = campaigns.ToJsonString();
        Assert.DoesNotContain("zzown5word", body, "an unpublished copy's own words");
        Assert.DoesNotContain("Resident", body, "no names at all");
    }

    [TestMethod]
    public async Task Coverage_cooccurrence_and_balance_take_the_search_filters_and_flag_a_theme_that_rests_on_one_campaign()
    {
        var researcher = new ApiClient(await factory.CreateUserClientAsync("campaign.researcher@example.org", "researcher", "CMP"));
        var fund = await researcher.CreateThemeAsync("CMP", "Neighbourhood fund", "\"neighbourhood fund\"");
        var committee = await researcher.CreateThemeAsync("CMP", "Dear Committee", "\"Dear Committee\"");
        await researcher.WaitForTotalAsync("inquiry=CMP&theme=Neighbourhood%20fund", 20);
        await researcher.WaitForTotalAsync("inquiry=CMP&theme=Dear%20Committee", 15); // ten letters and the copies greeting so

        var all = await researcher.GetJsonAsync("/api/inquiries/CMP/themes/coverage");
        var individual = await researcher.GetJsonAsync("/api/inquiries/CMP/themes/coverage?response=individual");
        Assert.AreEqual("Dear Committee=15 Neighbourhood fund=20", Totals(all));
        Assert.AreEqual("Dear Committee=10 Neighbourhood fund=0", Totals(individual));

        var pairs = await researcher.GetJsonAsync("/api/inquiries/CMP/themes/cooccurrence");
        var pair = pairs["pairs"]!.AsArray().Single()!;
        Assert.AreEqual($"{committee} {fund}", $"{pair["a"]} {pair["b"]}", "themes in name order");
        Assert.AreEqual(5, pair["submissions"]!.GetValue<int>());
        var csv = await (await researcher.Http.GetAsync("/api/inquiries/CMP/themes/cooccurrence?format=csv")).Content.ReadAsStringAsync();
        Assert.AreEqual("theme,Dear Committee,Neighbourhood fund\r\nDear Committee,15,5\r\nNeighbourhood fund,5,20", csv.Trim().ReplaceLineEndings("\r\n"));
        var svg = await researcher.Http.GetAsync("/api/inquiries/CMP/themes/cooccurrence?format=svg&response=individual");
        Assert.AreEqual("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains(">10</text>", await svg.Content.ReadAsStringAsync());

        var balance = (await researcher.GetJsonAsync("/api/inquiries/CMP/themes/balance"))["themes"]!.AsArray();
        var ofFund = balance.Single(t => t!["id"]!.GetValue<long>() == fund)!;
        Assert.AreEqual(20, ofFund["submitters"]!.GetValue<int>());
        Assert.AreEqual(1.0, ofFund["campaignShare"]!.GetValue<double>());
        Assert.AreEqual(0, ofFund["oral"]!.GetValue<int>());
        Assert.AreEqual(0, ofFund["quotes"]!.GetValue<int>());
        Assert.AreSequenceEqual(new[] { "rests on one category", "mostly one campaign", "no oral evidence", "no quote yet" },
            ofFund["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList());
        var ofCommittee = balance.Single(t => t!["id"]!.GetValue<long>() == committee)!;
        Assert.AreEqual(0.333, ofCommittee["campaignShare"]!.GetValue<double>());
        Assert.DoesNotContain("mostly one campaign", ofCommittee["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList());
        var individualBalance = await (await researcher.Http.GetAsync("/api/inquiries/CMP/themes/balance?format=csv&response=individual")).Content.ReadAsStringAsync();
        Assert.Contains("Dear Committee,10,10,individual 10,0,0,10,0,0,rests on one category; no oral evidence; no quote yet", individualBalance);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await researcher.Http.GetAsync("/api/inquiries/CMP/themes/balance?format=svg")).StatusCode);
    }

    private static string Totals(JsonNode coverage) =>
        string.Join(' ', coverage["themes"]!.AsArray().Select(t => $"{t!["name"]!.GetValue<string>()}={t["submissions"]!.GetValue<int>()}"));
}
