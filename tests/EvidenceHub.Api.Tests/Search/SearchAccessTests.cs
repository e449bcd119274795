using EvidenceHub.Search;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// Who may read what, at the index, with a real index: the public reads published evidence and no
/// anonymous submitter's name; a caller with full access to an inquiry also reads that inquiry's
/// unpublished evidence and anonymous names, and nothing more of any other inquiry.
/// </summary>
[TestClass]
public sealed class SearchAccessTests
{
    private static readonly SearchAccess OnlyAaa = new(new HashSet<string>(StringComparer.Ordinal) { "AAA" });

    private static string folder = null!;
    private static PassageIndex index = null!;
    private static EvidenceSearcher searcher = null!;

    [ClassInitialize]
    public static void Build(TestContext context)
    {
        folder = Path.Combine(Path.GetTempPath(), "evidencehub-tests", "access-" + Guid.NewGuid().ToString("N"));
        index = PassageIndex.OpenFolder(folder);
        Add(1, "AAA", "Named Person", "Open Org", anonymous: false, "published", "harbour walls need repair");
        Add(2, "AAA", "Draft Person", "Draft Org", anonymous: false, "received", "harbour meadow unpublished words");
        Add(3, "AAA", "Secretname Person", "Secret Org", anonymous: true, "published", "harbour lantern from someone unnamed");
        Add(11, "BBB", "Other Person", "Other Org", anonymous: false, "published", "harbour copper in another inquiry");
        Add(12, "BBB", "Hidden Person", "Hidden Org", anonymous: false, "withheld", "harbour granite withheld words");
        Add(13, "BBB", "Secretname Other", "Secret Org", anonymous: true, "published", "harbour falcon also unnamed");
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
    public void The_public_never_sees_unpublished_passages_and_that_is_the_default()
    {
        foreach (var request in new[] { new SearchRequest(), new SearchRequest { Access = SearchAccess.PublicOnly } })
        {
            Assert.AreSequenceEqual(new[] { "AAA0001", "AAA0003", "BBB0011", "BBB0013" }, References(request));
            Assert.AreSequenceEqual(Array.Empty<string>(), References(request with { Query = "unpublished OR withheld" }));
            Assert.AreEqual(4, Count(searcher.Search(request with { FacetLimit = 100 }), "inquiry", "AAA") + Count(searcher.Search(request with { FacetLimit = 100 }), "inquiry", "BBB"));
        }
    }

    [TestMethod]
    public void Full_access_to_one_inquiry_shows_its_unpublished_passages_and_no_other_inquirys()
    {
        var request = new SearchRequest { Access = OnlyAaa, Query = "harbour" };
        Assert.AreSequenceEqual(new[] { "AAA0001", "AAA0002", "AAA0003", "BBB0011", "BBB0013" }, References(request));
        Assert.AreSequenceEqual(new[] { "AAA0002" }, References(request with { Query = "unpublished OR withheld" }));
        Assert.AreSequenceEqual(new[] { "AAA0002", "BBB0012" }, References(request with { Query = "unpublished OR withheld", Access = SearchAccess.Everything }));
    }

    [TestMethod]
    public void Name_queries_find_an_anonymous_submitter_only_with_full_access_to_its_inquiry()
    {
        foreach (var query in new[] { "submitter:Secretname", "organisation:\"Secret Org\"", "submitter:Secr*", "submitter:Secretnme~", "submitter:Secr?tname", "organisation:\"org secret\"~2" })
        {
            Assert.AreSequenceEqual(Array.Empty<string>(), References(new SearchRequest { Query = query }), $"public: {query}");
            Assert.AreSequenceEqual(new[] { "AAA0003" }, References(new SearchRequest { Query = query, Access = OnlyAaa }), $"AAA staff: {query}");
            Assert.AreSequenceEqual(new[] { "AAA0003", "BBB0013" }, References(new SearchRequest { Query = query, Access = SearchAccess.Everything }), $"admin: {query}");
        }

        Assert.AreSequenceEqual(new[] { "AAA0001" }, References(new SearchRequest { Query = "submitter:named AND organisation:open" }), "named submitters stay searchable");
    }

    [TestMethod]
    public void Excluding_a_name_does_not_tell_the_public_whose_anonymous_submission_it_is()
    {
        var all = References(new SearchRequest { Query = "harbour" });
        Assert.AreSequenceEqual(all, References(new SearchRequest { Query = "harbour -submitter:Secretname" }));
        Assert.AreSequenceEqual(all, References(new SearchRequest { Query = "harbour NOT organisation:\"Secret Org\"" }));
    }

    [TestMethod]
    public void The_organisation_facet_never_counts_an_anonymous_submission_for_anyone()
    {
        foreach (var access in new[] { SearchAccess.PublicOnly, OnlyAaa, SearchAccess.Everything })
        {
            var results = searcher.Search(new SearchRequest { Access = access, FacetLimit = 100 });
            Assert.AreEqual(0, Count(results, "organisation", "Secret Org"));
            Assert.AreEqual(1, Count(results, "organisation", "Open Org"));
            var filtered = new SearchRequest { Access = access, Filters = new Dictionary<string, IReadOnlyList<string>> { ["organisation"] = ["Secret Org"] } };
            Assert.AreEqual(0, searcher.Search(filtered).Total);
        }
    }

    [TestMethod]
    public void Hits_of_anonymous_submissions_carry_no_name_unless_the_caller_has_full_access_to_the_inquiry()
    {
        var forPublic = Hit(SearchAccess.PublicOnly, "lantern");
        Assert.AreEqual("Anonymous", forPublic.SubmitterName);
        Assert.IsNull(forPublic.Organisation);
        Assert.IsTrue(forPublic.Anonymous);
        Assert.AreEqual("Anonymous", Hit(new SearchAccess(new HashSet<string> { "BBB" }), "lantern").SubmitterName);

        var forStaff = Hit(OnlyAaa, "lantern");
        Assert.AreEqual("Secretname Person", forStaff.SubmitterName);
        Assert.AreEqual("Secret Org", forStaff.Organisation);
        Assert.IsTrue(forStaff.Anonymous);
        Assert.AreEqual("Open Org", Hit(SearchAccess.PublicOnly, "walls").Organisation, "named submissions keep their names");
    }

    [TestMethod]
    public void Search_within_a_submission_and_similar_submissions_keep_to_the_same_rules()
    {
        Assert.IsEmpty(searcher.SearchWithin(3, "submitter:Secretname", SearchAccess.PublicOnly));
        Assert.HasCount(1, searcher.SearchWithin(3, "submitter:Secretname", OnlyAaa));
        Assert.IsEmpty(searcher.SearchWithin(2, "harbour", SearchAccess.PublicOnly), "an unpublished submission has nothing to search");

        Assert.AreEqual(0, searcher.Similar(2, new SearchRequest()).Total, "nothing is like a submission the caller may not see");
        var similar = searcher.Similar(2, new SearchRequest { Access = OnlyAaa });
        Assert.IsGreaterThan(0, similar.Total);
        Assert.IsTrue(similar.Hits.All(h => h.Publication == "published" || h.Inquiry == "AAA"));
    }

    private static SubmissionHit Hit(SearchAccess access, string query) =>
        searcher.Search(new SearchRequest { Access = access, Query = query }).Hits.Single();

    private static List<string> References(SearchRequest request) =>
        searcher.Search(request with { PageSize = 100 }).Hits.Select(h => h.Reference).Order(StringComparer.Ordinal).ToList();

    private static int Count(SearchResults results, string facet, string value) =>
        results.Facets[facet].FirstOrDefault(f => f.Value == value)?.Count ?? 0;

    private static void Add(long id, string inquiry, string name, string organisation, bool anonymous, string publication, string text) =>
        index.ReplaceSubmission(id, [new PassageDocument(id * 10, id, $"{inquiry}{id:D4}", inquiry, "written", "individual", name, organisation,
            anonymous, new DateOnly(2024, 3, 1), publication, null, 0, 1, "1", null, null, text, [])]);
}
