using System.Net;
using System.Xml.Linq;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>Coverage (submissions per theme × submitter category) agrees with the search facets, under visibility.</summary>
[TestClass]
public sealed class CoverageTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient staff = null!;
    private static ApiClient visitor = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        factory = new EvidenceHubFactory();
        staff = new ApiClient(factory.CreateAdminClient());
        var publicClient = factory.CreatePublicClient();
        visitor = new ApiClient(publicClient);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task How_it_will_be_checked_a_saved_rule_then_a_changed_rule_and_a_hand_tag_show_in_the_filter_and_in_coverage()
    {
        await staff.CreateInquiryAsync("CHK");
        var hall = await staff.UploadAsync("CHK", "Hall Trust", "community-group", "1. We want community ownership of the village hall.");
        var pubs = await staff.UploadAsync("CHK", "Pub Cooperative", "community-group", "1. The community shares offer saved our pub.");
        var library = await staff.UploadAsync("CHK", "Library Charity", "charity", "1. An asset transfer of the library saved it.");
        var council = await staff.UploadAsync("CHK", "Borough Council", "local-authority", "1. Councils support community ownership where it is viable.");
        var academic = await staff.UploadAsync("CHK", "University Centre", "academic", "1. Evidence on outcomes is thin.");

        // 1. A rule is saved: the filter returns exactly the submissions it matches, within seconds.
        var started = DateTime.UtcNow;
        var id = await staff.CreateThemeAsync("CHK", "Community ownership", "\"community ownership\"", "#2E7D32");
        await staff.WaitForReferencesAsync("inquiry=CHK&theme=Community%20ownership", hall, council);
        Assert.IsLessThan(10, (DateTime.UtcNow - started).TotalSeconds, "within seconds");
        var byRule = ThemeClient.References(await staff.SearchAsync("inquiry=CHK&pageSize=100&q=" + Uri.EscapeDataString("\"community ownership\"")));
        Assert.AreSequenceEqual(new[] { hall, council }.Order(StringComparer.Ordinal).ToList(), byRule);

        // 2. The rule changes and a hand tag is added: new matches plus the hand-tagged submission.
        await staff.ChangeRuleAsync(id, "\"community ownership\" OR \"community shares\" OR \"asset transfer\"");
        var researcher = new ApiClient(await factory.CreateUserClientAsync("researcher@example.org", "researcher", "CHK"));
        await researcher.TagAsync($"/api/submissions/{academic}/themes", id);
        var results = await staff.WaitForReferencesAsync("inquiry=CHK&theme=Community%20ownership", hall, pubs, library, council, academic);

        // 3. Coverage names the categories with the right counts, and they are the facet counts.
        var coverage = await staff.GetJsonAsync("/api/inquiries/CHK/themes/coverage");
        var theme = coverage["themes"]!.AsArray().Single()!;
        Assert.AreEqual(5, theme["submissions"]!.GetValue<int>());
        var byCategory = theme["byCategory"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
        var expected = new Dictionary<string, int> { ["community-group"] = 2, ["charity"] = 1, ["local-authority"] = 1, ["academic"] = 1 };
        Assert.AreEqual(Show(expected), Show(byCategory));
        Assert.AreEqual(Show(ThemeClient.Facet(results, "category")), Show(byCategory), "coverage = the category facet under the theme filter");
        Assert.AreEqual(ThemeClient.Facet(await staff.SearchAsync("inquiry=CHK&facetLimit=1000"), "theme")["Community ownership"], theme["submissions"]!.GetValue<int>());

        var csv = await staff.Http.GetStringAsync("/api/inquiries/CHK/themes/coverage?format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("theme,submissions,community-group,charity,academic,local-authority,uncategorised", lines[0]);
        Assert.AreEqual("Community ownership,5,2,1,1,1,0", lines[1]);
    }

    [TestMethod]
    public async Task Coverage_equals_the_facet_counts_for_every_theme_and_category_and_public_callers_count_published_only()
    {
        await staff.CreateInquiryAsync("COV");
        string[] categories = ["community-group", "charity", "academic", "business"];
        string[] words = ["harbour", "meadow", "lantern", "copper"];
        var random = new Random(5);
        var uploaded = new List<(string Reference, string Category, HashSet<string> Words, bool Published)>();
        for (var i = 0; i < 16; i++)
        {
            var chosen = words.Where(_ => random.Next(2) == 0).ToHashSet();
            var category = categories[random.Next(categories.Length)];
            var reference = await staff.UploadAsync("COV", $"Submitter {i}", category, $"1. Paragraph {string.Join(' ', chosen)} number {i}.");
            var published = random.Next(2) == 0;
            if (published)
            {
                await staff.PublishAsync(reference);
            }

            uploaded.Add((reference, category, chosen, published));
        }

        foreach (var word in words)
        {
            await staff.CreateThemeAsync("COV", "Theme " + word, word);
        }

        foreach (var word in words)
        {
            await staff.WaitForReferencesAsync($"inquiry=COV&theme=Theme%20{word}", [.. uploaded.Where(u => u.Words.Contains(word)).Select(u => u.Reference)]);
        }

        await visitor.WaitForTotalAsync("inquiry=COV", uploaded.Count(u => u.Published));
        foreach (var (api, isPublic) in new[] { (staff, false), (visitor, true) })
        {
            var coverage = await api.GetJsonAsync("/api/inquiries/COV/themes/coverage");
            var themeFacet = ThemeClient.Facet(await api.SearchAsync("inquiry=COV&facetLimit=1000"), "theme");
            foreach (var word in words)
            {
                var name = "Theme " + word;
                var row = coverage["themes"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!;
                var visible = uploaded.Where(u => u.Words.Contains(word) && (!isPublic || u.Published)).ToList();
                Assert.AreEqual(visible.Count, row["submissions"]!.GetValue<int>(), $"{name} public={isPublic}");
                Assert.AreEqual(themeFacet.GetValueOrDefault(name), row["submissions"]!.GetValue<int>(), $"{name}: coverage = theme facet");
                var categoryFacet = ThemeClient.Facet(await api.SearchAsync($"inquiry=COV&theme={Uri.EscapeDataString(name)}&facetLimit=1000"), "category");
                foreach (var category in coverage["categories"]!.AsArray().Select(c => c!.GetValue<string>()))
                {
                    var count = row["byCategory"]![category]!.GetValue<int>();
                    Assert.AreEqual(visible.Count(u => u.Category == category), count, $"{name} × {category} public={isPublic}");
                    Assert.AreEqual(categoryFacet.GetValueOrDefault(category), count, $"{name} × {category}: coverage = category facet");
                }
            }
        }

        var svgResponse = await staff.Http.GetAsync("/api/inquiries/COV/themes/coverage?format=svg");
        Assert.AreEqual("image/svg+xml", svgResponse.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await svgResponse.Content.ReadAsStringAsync());
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(t => t.StartsWith("Theme harbour — ", StringComparison.Ordinal), texts, "each theme is named with its total");
        Assert.Contains("Community group", texts, "categories are labelled in words");
        Assert.Contains(e => e.Name.LocalName == "rect" && (string?)e.Attribute("fill") == "#1565C0", svg.Descendants(), "bars in the theme's colour");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await staff.Http.GetAsync("/api/inquiries/COV/themes/coverage?format=pdf")).StatusCode);
    }

    private static string Show(Dictionary<string, int> counts) =>
        string.Join(", ", counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
