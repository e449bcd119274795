using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>Themes through the HTTP API: rules, automatic tags with reasons, tags by hand, search and coverage agreeing.</summary>
[TestClass]
public sealed class ThemeTests
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

    private sealed record Corpus(string Prefix, string Hall, string Library, string Buses, string Unrelated);

    /// <summary>Four submissions: two community groups, a charity and an academic.</summary>
    private static async Task<Corpus> CorpusAsync(string prefix)
    {
        await staff.CreateInquiryAsync(prefix);
        var hall = await staff.UploadAsync(prefix, $"{prefix} Hall Trust", "community-group",
            "1. We want community ownership of the village hall.", "2. The roof leaks and needs repair.");
        var library = await staff.UploadAsync(prefix, $"{prefix} Library Friends", "charity",
            "1. An asset transfer of the library saved it.", "2. Volunteers keep it open three days a week.");
        var buses = await staff.UploadAsync(prefix, $"{prefix} Transport Research", "academic",
            "1. Rural buses have been cut and broadband is poor.");
        var unrelated = await staff.UploadAsync(prefix, $"{prefix} Residents", "community-group",
            "1. Street lighting on the estate should be improved.");
        return new Corpus(prefix, hall, library, buses, unrelated);
    }

    /// <summary>
    /// Waits until the theme's rule job has run its current rule: it re-indexes the submissions whose tags
    /// changed and commits before it records the version as applied.
    /// </summary>
    private static Task WaitUntilRuleAppliedAsync(long themeId) =>
        ThemeClient.WaitUntilAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EvidenceDbContext>().Set<Theme>().AsNoTracking()
                .Where(t => t.Id == themeId).Select(t => new { t.AppliedVersion, t.RuleVersion }).SingleAsync();
        }, v => v.AppliedVersion >= v.RuleVersion, $"theme {themeId}'s current rule has been applied and its submissions re-indexed");

    [TestMethod]
    public async Task A_rule_that_does_not_parse_is_a_400_saying_why_and_names_are_unique_within_an_inquiry()
    {
        await staff.CreateInquiryAsync("THBAD");
        await staff.CreateInquiryAsync("THOTH");
        foreach (var (rule, says) in new[] { ("\"community ownership", "ends too soon"), ("*ship", "wildcard"), ("colour:red", "not a field"), ("theme:Other", "theme:"), ("", "needs a rule") })
        {
            var response = await staff.Http.PostAsJsonAsync("/api/inquiries/THBAD/themes", new { name = "Bad", rule });
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, rule);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.Contains(says, problem["detail"]!.GetValue<string>(), rule);
        }

        var id = await staff.CreateThemeAsync("THBAD", "Ownership", "\"community ownership\"");
        var duplicate = await staff.Http.PostAsJsonAsync("/api/inquiries/THBAD/themes", new { name = "ownership", rule = "pubs" });
        Assert.AreEqual(HttpStatusCode.Conflict, duplicate.StatusCode);
        await staff.CreateThemeAsync("THOTH", "Ownership", "pubs"); // another inquiry may use the name

        var badEdit = await staff.Http.PutAsJsonAsync($"/api/themes/{id}", new { rule = "(pubs OR" });
        Assert.AreEqual(HttpStatusCode.BadRequest, badEdit.StatusCode);
        var theme = await staff.GetJsonAsync($"/api/themes/{id}");
        Assert.AreEqual("\"community ownership\"", theme["rule"]!.GetValue<string>(), "a refused edit changes nothing");
        Assert.AreEqual(1, theme["ruleVersion"]!.GetValue<int>());
        var badColour = await staff.Http.PutAsJsonAsync($"/api/themes/{id}", new { colour = "red" });
        Assert.AreEqual(HttpStatusCode.BadRequest, badColour.StatusCode);
    }

    [TestMethod]
    public async Task Saving_a_rule_tags_matching_passages_and_submissions_with_the_reason_and_a_rule_change_moves_the_tags()
    {
        var c = await CorpusAsync("THMOV");
        var id = await staff.CreateThemeAsync(c.Prefix, "Transport", "buses OR broadband");
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Transport", c.Buses);
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&q=" + Uri.EscapeDataString("theme:Transport"), c.Buses);

        var tags = (await staff.GetJsonAsync($"/api/submissions/{c.Buses}/themes")).AsArray();
        var whole = tags.Single(t => t!["passageId"] is null)!;
        Assert.AreEqual("automatic", whole["origin"]!.GetValue<string>());
        Assert.AreEqual(1, whole["ruleVersion"]!.GetValue<int>());
        var terms = whole["matchedTerms"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        CollectionAssert.IsSubsetOf(new[] { "buses", "broadband" }, terms);
        var passageTag = tags.Single(t => t!["passageId"] is not null)!;
        Assert.AreEqual(whole["matchedPassageId"]!.GetValue<long>(), passageTag["passageId"]!.GetValue<long>());
        Assert.AreSequenceEqual(new[] { "Transport" }, (await staff.GetJsonAsync($"/api/submissions/{c.Buses}"))["themes"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());

        var changed = await staff.ChangeRuleAsync(id, "library");
        Assert.AreEqual(2, changed["ruleVersion"]!.GetValue<int>());
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Transport", c.Library);
        Assert.IsEmpty((await staff.GetJsonAsync($"/api/submissions/{c.Buses}/themes")).AsArray(), "the old match's tags are gone");
        Assert.IsEmpty((await staff.GetJsonAsync($"/api/submissions/{c.Buses}"))["themes"]!.AsArray());
        var libraryTag = (await staff.GetJsonAsync($"/api/submissions/{c.Library}/themes")).AsArray().Single(t => t!["passageId"] is null)!;
        Assert.AreEqual(2, libraryTag["ruleVersion"]!.GetValue<int>());

        // A description or colour change is not a rule change.
        var recoloured = (await staff.Http.PutAsJsonAsync($"/api/themes/{id}", new { colour = "#123456" })).Content;
        Assert.AreEqual(2, JsonNode.Parse(await recoloured.ReadAsStringAsync())!["ruleVersion"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_new_submission_is_tagged_by_the_rules_already_in_its_inquiry()
    {
        await staff.CreateInquiryAsync("THNEW");
        await staff.CreateThemeAsync("THNEW", "Pubs", "pub OR pubs");
        var pub = await staff.UploadAsync("THNEW", "Village Pub Society", "community-group", "1. The last pub in the village closed in 2019.");
        await staff.UploadAsync("THNEW", "Allotment Society", "community-group", "1. Allotments need water.");
        await staff.WaitForReferencesAsync("inquiry=THNEW&theme=Pubs", pub);
    }

    [TestMethod]
    public async Task A_tag_by_hand_survives_a_rule_rerun_and_a_rejected_tag_stays_rejected_and_both_are_audited()
    {
        var c = await CorpusAsync("THMAN");
        var id = await staff.CreateThemeAsync(c.Prefix, "Assets", "\"community ownership\" OR \"asset transfer\"");
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Assets", c.Hall, c.Library);

        // Who tagged is the signed-in user: a researcher of this inquiry, and the administrator.
        var ada = new ApiClient(await factory.CreateUserClientAsync("ada.reader@example.org", "researcher", c.Prefix));
        await ada.TagAsync($"/api/submissions/{c.Buses}/themes", id);
        await ada.TagAsync($"/api/submissions/{c.Hall}/themes/{id}/reject", id);
        var confirmed = await staff.TagAsync($"/api/submissions/{c.Library}/themes/{id}/confirm", id);
        Assert.AreEqual("confirmed", confirmed["review"]!.GetValue<string>());
        Assert.AreEqual(EvidenceHubFactory.AdminEmail, confirmed["reviewedBy"]!.GetValue<string>());
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Assets", c.Buses, c.Library);

        // A rule that matches nothing: the hand tag and the confirmed tag stay.
        await staff.ChangeRuleAsync(id, "zebra");
        await ThemeClient.WaitUntilAsync(() => staff.GetJsonAsync($"/api/submissions/{c.Library}/themes"),
            tags => tags.AsArray().All(t => t!["passageId"] is null), "the unreviewed passage tag of the library goes");
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Assets", c.Buses, c.Library);

        // Back to a rule that matches the hall: its rejected tag is not restored.
        await staff.ChangeRuleAsync(id, "\"community ownership\" OR roof");
        await ThemeClient.WaitUntilAsync(() => staff.GetJsonAsync($"/api/submissions/{c.Hall}/themes"),
            tags => tags.AsArray().Any(t => t!["passageId"] is not null && t["ruleVersion"]?.GetValue<int>() == 3), "the hall's passages are matched again");
        await WaitUntilRuleAppliedAsync(id); // its re-indexing done, the search below is the final word, not a look before it
        var results = await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Assets", c.Buses, c.Library);
        var hall = (await staff.GetJsonAsync($"/api/submissions/{c.Hall}/themes")).AsArray().Single(t => t!["passageId"] is null)!;
        Assert.AreEqual("rejected", hall["review"]!.GetValue<string>());
        Assert.IsFalse(hall["effective"]!.GetValue<bool>());
        Assert.IsEmpty((await staff.GetJsonAsync($"/api/submissions/{c.Hall}"))["themes"]!.AsArray());
        Assert.AreEqual(2, ThemeClient.Facet(results, "theme")["Assets"]);

        var audit = (await staff.GetJsonAsync($"/api/submissions/{c.Hall}/themes/audit")).AsArray();
        Assert.HasCount(1, audit);
        Assert.AreEqual("reject", audit[0]!["action"]!.GetValue<string>());
        Assert.AreEqual("ada.reader@example.org", audit[0]!["by"]!.GetValue<string>());
        Assert.AreEqual("Assets", audit[0]!["theme"]!.GetValue<string>());
        Assert.AreEqual("tag", (await staff.GetJsonAsync($"/api/submissions/{c.Buses}/themes/audit"))[0]!["action"]!.GetValue<string>());

        // Removing the hand tag takes the submission out; removing it again is a 404.
        Assert.AreEqual(HttpStatusCode.NoContent, (await staff.Http.DeleteAsync($"/api/submissions/{c.Buses}/themes/{id}")).StatusCode);
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Assets", c.Library);
        Assert.AreEqual(HttpStatusCode.NotFound, (await staff.Http.DeleteAsync($"/api/submissions/{c.Buses}/themes?themeId={id}")).StatusCode);
        Assert.HasCount(2, (await staff.GetJsonAsync($"/api/submissions/{c.Buses}/themes/audit")).AsArray());
    }

    [TestMethod]
    public async Task A_passage_tagged_by_hand_carries_the_theme_in_search_and_rejecting_a_passage_tag_takes_it_out()
    {
        var c = await CorpusAsync("THPAS");
        var id = await staff.CreateThemeAsync(c.Prefix, "Repairs", "roof");
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Repairs", c.Hall);

        var lighting = (await staff.GetJsonAsync($"/api/submissions/{c.Unrelated}/passages"))[0]!["id"]!.GetValue<long>();
        var tag = await staff.TagAsync($"/api/passages/{lighting}/themes", id);
        Assert.AreEqual("manual", tag["origin"]!.GetValue<string>());
        var hits = await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Repairs", c.Hall, c.Unrelated);
        var shown = hits["hits"]!.AsArray().Single(h => h!["reference"]!.GetValue<string>() == c.Unrelated)!["passages"]!.AsArray();
        Assert.AreEqual(lighting, shown[0]!["id"]!.GetValue<long>(), "the tagged passage is the one that matches");

        var roof = (await staff.GetJsonAsync($"/api/submissions/{c.Hall}/themes")).AsArray().Single(t => t!["passageId"] is not null)!["passageId"]!.GetValue<long>();
        await staff.TagAsync($"/api/passages/{roof}/themes/{id}/reject", id);
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Repairs", c.Unrelated);
        var manualReject = await staff.Http.PostAsync($"/api/passages/{lighting}/themes/{id}/reject", null);
        Assert.AreEqual(HttpStatusCode.Conflict, manualReject.StatusCode, "a hand tag is removed, not rejected");
    }

    [TestMethod]
    public async Task Passage_tags_people_made_follow_their_passages_into_a_corrected_version()
    {
        const string prefix = "THCOR";
        await staff.CreateInquiryAsync(prefix);
        var heritage = await staff.CreateThemeAsync(prefix, "Heritage", "mill");
        var manual = await staff.CreateThemeAsync(prefix, "Walks", "xylophone");
        var reference = await staff.UploadAsync(prefix, "THCOR Canal Society", "charity",
            "1. The old mill should be restored as a community space.",
            "2. Our volunteers run heritage walks every month.",
            "3. The canal towpath needs new lighting for winter evenings.",
            "4. We also ask for a grant towards the orchard.");
        var before = await PassagesAsync(reference);
        var mill = await ThemeClient.WaitUntilAsync(() => TagsAsync(reference),
            tags => tags.Any(t => t.Theme == heritage && t.PassageId is not null), "the rule tags the mill passage");
        await staff.TagAsync($"/api/passages/{mill.Single(t => t.Theme == heritage && t.PassageId is not null).PassageId}/themes/{heritage}/reject", heritage);
        foreach (var text in new[] { "Our volunteers", "The canal towpath", "We also ask" })
        {
            await staff.TagAsync($"/api/passages/{before.Single(p => p.Text.StartsWith(text, StringComparison.Ordinal)).Id}/themes", manual);
        }

        var response = await staff.PostVersionAsync(reference, TestDocuments.Text(
            "1. A new opening paragraph about the society's history.",
            "2. The old mill should be restored as a community space.",
            "3. Our volunteers run heritage walks every month.",
            "4. The canal towpath needs new lighting for the winter evenings.",
            "Submitted by THCOR Canal Society."), "corrected.txt");
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        await staff.WaitUntilDoneAsync(reference);

        var after = await PassagesAsync(reference);
        Assert.IsEmpty(after.Select(p => p.Id).Intersect(before.Select(p => p.Id)), "a corrected version has new passages");
        var tags = await TagsAsync(reference);
        long IdOf(string start) => after.Single(p => p.Text.StartsWith(start, StringComparison.Ordinal)).Id;
        var walks = tags.Where(t => t.Theme == manual).ToList();
        Assert.AreSequenceEqual(
            new long?[] { null, IdOf("Our volunteers"), IdOf("The canal towpath") }.Order().ToList(),
            walks.Select(t => t.PassageId).Order().ToList(),
            "same text and a corrected sentence keep their tag; the removed passage's tag moves to the submission");
        Assert.IsTrue(walks.All(t => t.Origin == "manual"));
        var rejected = tags.Where(t => t.Theme == heritage && t.PassageId is not null).ToList();
        Assert.HasCount(1, rejected, "the rule did not tag the mill passage again");
        Assert.AreEqual(IdOf("The old mill"), rejected[0].PassageId);
        Assert.AreEqual("rejected", rejected[0].Review);
        await staff.WaitForReferencesAsync($"inquiry={prefix}&theme=Walks", reference);
        await staff.WaitForReferencesAsync($"inquiry={prefix}&theme=Heritage");
    }

    private sealed record PassageRow(long Id, string Text);

    private sealed record TagRow(long Theme, long? PassageId, string Origin, string Review);

    private static async Task<List<PassageRow>> PassagesAsync(string reference) =>
        (await staff.GetJsonAsync($"/api/submissions/{reference}/passages")).AsArray()
            .Select(p => new PassageRow(p!["id"]!.GetValue<long>(), p["text"]!.GetValue<string>())).ToList();

    private static async Task<List<TagRow>> TagsAsync(string reference) =>
        (await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray()
            .Select(t => new TagRow(t!["themeId"]!.GetValue<long>(), t["passageId"]?.GetValue<long>(),
                t["origin"]!.GetValue<string>(), t["review"]!.GetValue<string>()))
            .ToList();

    [TestMethod]
    public async Task Concurrent_rule_edits_leave_the_tags_of_the_last_saved_rule()
    {
        var c = await CorpusAsync("THCON");
        // The first rule is none of the edits: an edit that saves the rule it already has makes no new version,
        // and "roof" among the edits made this test fail whenever that edit happened to run first.
        var id = await staff.CreateThemeAsync(c.Prefix, "Moving", "ceiling");
        string[] rules = ["library", "buses", "lighting", "roof", "volunteers", "broadband", "\"community ownership\"", "estate"];
        var responses = await Task.WhenAll(rules.Select(r => staff.Http.PutAsJsonAsync($"/api/themes/{id}", new { rule = r })));
        Assert.IsTrue(responses.All(r => r.StatusCode == HttpStatusCode.OK), string.Join(",", responses.Select(r => r.StatusCode)));

        var theme = await staff.GetJsonAsync($"/api/themes/{id}");
        Assert.AreEqual(1 + rules.Length, theme["ruleVersion"]!.GetValue<int>(), "every edit got a version of its own");
        var finalRule = theme["rule"]!.GetValue<string>();
        var expected = ThemeClient.References(await staff.SearchAsync($"inquiry={c.Prefix}&pageSize=100&q=" + Uri.EscapeDataString(finalRule)));
        Assert.IsNotEmpty(expected);
        await staff.WaitForReferencesAsync($"inquiry={c.Prefix}&theme=Moving", [.. expected]);
        foreach (var reference in new[] { c.Hall, c.Library, c.Buses, c.Unrelated })
        {
            var tags = await ThemeClient.WaitUntilAsync(() => staff.GetJsonAsync($"/api/submissions/{reference}/themes"),
                t => t.AsArray().All(x => x!["ruleVersion"]!.GetValue<int>() == 1 + rules.Length), $"{reference}: every tag from the last rule");
            Assert.AreEqual(expected.Contains(reference), tags.AsArray().Count > 0, reference);
        }
    }
}
