using EvidenceHub.Search;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// Which words of a query "did you mean" may respell, at the index: plain words of the text, in or out
/// of phrases; never a field's words, syntax, or a word the query excludes — and every count is the
/// caller's own (<see cref="DidYouMeanTests"/> has the same through HTTP).
/// </summary>
[TestClass]
public sealed class SpellingSuggestionTests
{
    private static string folder = null!;
    private static PassageIndex index = null!;
    private static EvidenceSearcher searcher = null!;

    [ClassInitialize]
    public static void Build(TestContext context)
    {
        folder = Path.Combine(Path.GetTempPath(), "evidencehub-tests", "spelling-" + Guid.NewGuid().ToString("N"));
        index = PassageIndex.OpenFolder(folder);
        Add(1, "Smith", "published", "The allotment waiting list grew after the library closed.");
        Add(2, "Smith", "published", "An allotment society asked for a second library van.");
        Add(3, "Jones", "published", "Our allotment holders want water on every plot.");
        Add(4, "Jones", "published", "The library hours were cut twice in one year, wrote Smith and Jones."); // names in the text too: a field's misspelt name must still not be respelt from them
        Add(5, "Hidden", "received", "The orchard beside the allotment is private.");
        Add(6, "Hidden", "received", "The orchard keepers wrote twice.");
        index.Commit();
        searcher = new EvidenceSearcher(index);
    }

    [ClassCleanup]
    public static void Remove()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    [DataRow("alotment", "allotment")]
    [DataRow("ALOTMENT", "ALLOTMENT")]
    [DataRow("+alotment +libary", "+allotment +library")]
    [DataRow("alotment AND (libary OR watter)", "allotment AND (library OR water)")]
    [DataRow("\"alotment waiting\"~3 libary.", "\"allotment waiting\"~3 library.")]
    [DataRow("alotment submitter:Smith", "allotment submitter:Smith")]
    [DataRow("alotment submitter:(Smith OR Jnoes)", "allotment submitter:(Smith OR Jnoes)")]
    [DataRow("alotment library^2", "allotment library^2")]
    [DataRow("alotment libr*", "allotment libr*")]
    [DataRow("alotment libary~", "allotment libary~")]
    public void Only_plain_words_of_the_text_are_respelt_and_the_rest_stays_as_typed(string typed, string offered) =>
        Assert.AreEqual(offered, Suggest(typed, SearchAccess.Everything)?.Query);

    [TestMethod]
    [DataRow("allotment NOT libary")]
    [DataRow("allotment -libary")]
    [DataRow("allotment -\"libary van\"")]
    [DataRow("submitter:Smiht")]
    [DataRow("allotment submitter:(Smiht OR Jnoes)")]
    [DataRow("ref:LBN0001")]
    [DataRow("lib")]
    public void Words_the_query_excludes_fields_and_short_words_are_left_alone(string typed) =>
        Assert.IsNull(Suggest(typed, SearchAccess.Everything), typed);

    [TestMethod]
    public void A_word_only_unpublished_passages_hold_is_offered_to_staff_only()
    {
        Assert.AreEqual("orchard", Suggest("orchad", SearchAccess.Everything)?.Query);
        Assert.IsNull(Suggest("orchad", SearchAccess.PublicOnly));
        Assert.AreEqual("orchard", Suggest("orchad", new SearchAccess(new HashSet<string>(StringComparer.Ordinal) { "AAA" }))?.Query);
        Assert.IsNull(Suggest("orchad", new SearchAccess(new HashSet<string>(StringComparer.Ordinal) { "BBB" })));
    }

    [TestMethod]
    public void Nothing_is_offered_unless_asked_for_or_when_the_search_finds_enough()
    {
        var request = new SearchRequest { Query = "alotment", Access = SearchAccess.Everything };
        Assert.IsNull(searcher.Search(request).DidYouMean, "only /api/search asks");
        Assert.IsNull(searcher.Search(request with { Query = "allotment", SuggestSpelling = true }).DidYouMean);
        Assert.AreEqual(new SpellingSuggestion("allotment", 4), searcher.Search(request with { SuggestSpelling = true }).DidYouMean);
        Assert.AreEqual(new SpellingSuggestion("allotment", 3), searcher.Search(request with { SuggestSpelling = true, Access = SearchAccess.PublicOnly }).DidYouMean);
    }

    private static SpellingSuggestion? Suggest(string query, SearchAccess access) =>
        searcher.Search(new SearchRequest { Query = query, Access = access, SuggestSpelling = true }).DidYouMean;

    private static void Add(long id, string name, string publication, string text) =>
        index.ReplaceSubmission(id, [new PassageDocument(id * 10, id, $"AAA{id:D4}", "AAA", "written", "individual", name, null,
            false, new DateOnly(2024, 3, 1), publication, null, 0, 1, "1", null, null, text, [])]);
}
