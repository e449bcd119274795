using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// "Did you mean" on <c>/api/search</c>: a query that finds few submissions is offered the spelling the
/// evidence uses, with the rest of its syntax as typed, and never a word only hidden evidence holds.
/// </summary>
[TestClass]
public sealed class DidYouMeanTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;
    private static ApiClient visitor = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        visitor = new ApiClient(factory.CreatePublicClient());
        await admin.CreateInquiryAsync("DYM");
        var published = new[]
        {
            ("1. The harbour lanterns were restored by volunteers.\n\n2. Volunteers repaired the harbour walls after the storm.", "Harbur Quay Trust"),
            ("1. Harbour dues fund the lanterns and the volunteers' training.", "Fictional Dues Board"),
            ("1. The ferry timetable ignores the harbour volunteers entirely.\n\n2. Its tiller was mended twice.", "Fictional Ferry Users"),
        };
        foreach (var (text, organisation) in published)
        {
            var reference = await UploadAsync(text, organisation);
            await admin.PublishAsync(reference);
        }

        // Never published: its words are in the index's dictionary, and only staff of DYM may read them.
        await UploadAsync("1. The marigolds beside the quay were planted in secret.\n\n2. The teller counted the dues.\n\n3. A teller kept the accounts.", "Fictional Garden Club");
        await visitor.WaitForTotalAsync("inquiry=DYM", 3);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_misspelt_word_that_finds_nothing_is_offered_the_spelling_the_evidence_uses_in_the_case_typed()
    {
        var results = await visitor.SearchAsync("q=Voluntears");

        Assert.AreEqual(0, results["total"]!.GetValue<int>());
        Assert.AreEqual("Volunteers", results["didYouMean"]!["q"]!.GetValue<string>());
        Assert.AreEqual(3, results["didYouMean"]!["hits"]!.GetValue<int>());

        // The offered query finds what it says it finds.
        Assert.AreEqual(3, (await visitor.SearchAsync("q=Volunteers"))["total"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_suggestion_is_a_word_as_written_not_the_stem_the_index_holds()
    {
        var results = await visitor.SearchAsync("q=lantrens");

        Assert.AreEqual("lanterns", results["didYouMean"]!["q"]!.GetValue<string>(), "the stem is 'lantern'; the word offered is one the evidence uses");
        Assert.AreEqual(2, results["didYouMean"]!["hits"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_word_spelt_right_is_not_corrected_even_when_it_finds_little()
    {
        var many = await visitor.SearchAsync("q=volunteers");
        Assert.AreEqual(3, many["total"]!.GetValue<int>());
        Assert.IsNull(many["didYouMean"], "a search with enough hits is not second-guessed");

        var one = await visitor.SearchAsync("q=timetable");
        Assert.AreEqual(1, one["total"]!.GetValue<int>());
        Assert.IsNull(one["didYouMean"], "one hit is few, but the word is the evidence's own and nothing near it is commoner");

        var plural = await visitor.SearchAsync("q=timetables");
        Assert.AreEqual(1, plural["total"]!.GetValue<int>());
        Assert.IsNull(plural["didYouMean"], "a form of a word the evidence uses is found by stemming, not corrected");
    }

    [TestMethod]
    public async Task Only_the_misspelt_words_change_and_the_phrases_operators_and_fields_stay_as_typed()
    {
        var query = "\"harbour lantrens\" AND (voluntears OR timetable) -dues";
        var results = await visitor.SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.AreEqual(0, results["total"]!.GetValue<int>());
        Assert.AreEqual("\"harbour lanterns\" AND (volunteers OR timetable) -dues", results["didYouMean"]!["q"]!.GetValue<string>());
        Assert.AreEqual(1, results["didYouMean"]!["hits"]!.GetValue<int>());

        // A field's words are the field's: "harbur" is how the organisation spells itself.
        var fielded = await visitor.SearchAsync("q=" + Uri.EscapeDataString("voluntears organisation:harbur"));
        Assert.AreEqual("volunteers organisation:harbur", fielded["didYouMean"]!["q"]!.GetValue<string>());
        Assert.AreEqual(1, fielded["didYouMean"]!["hits"]!.GetValue<int>());

        // Nothing the query excludes, and nothing it already asks to match loosely, is respelt.
        Assert.IsNull((await visitor.SearchAsync("q=" + Uri.EscapeDataString("ferry -voluntears")))["didYouMean"]);
        Assert.IsNull((await visitor.SearchAsync("q=" + Uri.EscapeDataString("voluntear*")))["didYouMean"]);
    }

    [TestMethod]
    public async Task A_word_only_unpublished_evidence_holds_is_never_offered_to_the_public_but_is_to_its_staff()
    {
        var response = await visitor.Http.GetAsync("/api/search?q=marigols");
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(0, JsonNode.Parse(body)!["total"]!.GetValue<int>());
        Assert.DoesNotContain("marigolds", body, "the word is in the index's dictionary, but only in a submission the public may not read");
        Assert.IsNull(JsonNode.Parse(body)!["didYouMean"]);

        var staff = await admin.SearchAsync("q=marigols");
        Assert.AreEqual("marigolds", staff["didYouMean"]!["q"]!.GetValue<string>());
        Assert.AreEqual(1, staff["didYouMean"]!["hits"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task Between_two_words_as_near_the_one_offered_is_the_one_more_frequent_in_what_the_caller_may_read()
    {
        // "teller" (two unpublished passages) and "tiller" (one published) are both one edit from "toller".
        Assert.AreEqual("tiller", (await visitor.SearchAsync("q=toller"))["didYouMean"]!["q"]!.GetValue<string>());
        Assert.AreEqual("teller", (await admin.SearchAsync("q=toller"))["didYouMean"]!["q"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_suggestion_counts_only_what_the_filters_let_through()
    {
        var results = await visitor.SearchAsync("q=voluntears&organisation=" + Uri.EscapeDataString("Fictional Ferry Users"));
        Assert.AreEqual("volunteers", results["didYouMean"]!["q"]!.GetValue<string>());
        Assert.AreEqual(1, results["didYouMean"]!["hits"]!.GetValue<int>());
    }

    private static async Task<string> UploadAsync(string text, string organisation)
    {
        var reference = await admin.UploadAcceptedAsync("DYM", TestDocuments.Text(text), organisation + ".txt",
            new Dictionary<string, string> { ["submitterName"] = "A. Person", ["organisation"] = organisation, ["category"] = "community-group" });
        await admin.WaitUntilDoneAsync(reference);
        return reference;
    }
}
