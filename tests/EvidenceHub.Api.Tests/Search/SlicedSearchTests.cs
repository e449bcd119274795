using EvidenceHub.Search;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// A search collected in parallel slices (cut through segments, between submissions) answers exactly
/// what the same search collected in one pass answers: totals, the order of hits and their passages,
/// and every facet count — over an index with many segments, replaced and deleted submissions, and
/// passage-level facets (speaker, theme) with several values per submission.
/// </summary>
[TestClass]
public sealed class SlicedSearchTests
{
    private static readonly string[] Words = ["harbour", "meadow", "lantern", "copper", "violet", "granite", "orchard", "falcon"];
    private static readonly string[] Categories = ["academic", "charity", "business", "individual"];
    private static readonly string[] Speakers = ["Ada Finch", "Ben Marsh", "Cal Reed"];
    private static readonly string[] Themes = ["housing", "transport", "health"];

    private static string folder = null!;
    private static PassageIndex index = null!;

    [ClassInitialize]
    public static void Build(TestContext context)
    {
        folder = Path.Combine(Path.GetTempPath(), "evidencehub-tests", "sliced-" + Guid.NewGuid().ToString("N"));
        index = PassageIndex.OpenFolder(folder);
        var random = new Random(5150);
        for (var id = 1; id <= 240; id++)
        {
            index.ReplaceSubmission(id, Passages(id, random));
            if (id % 17 == 0)
            {
                index.Commit(); // many segments
            }
        }

        for (var id = 5; id <= 240; id += 23)
        {
            index.ReplaceSubmission(id, Passages(id, random)); // a new block in a later segment; the old one deleted
        }

        for (var id = 7; id <= 240; id += 31)
        {
            index.DeleteSubmission(id);
        }

        index.Commit();
    }

    [ClassCleanup]
    public static void Remove()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void SlicedSearchesAnswerLikeOnePass()
    {
        var onePass = new EvidenceSearcher(index) { MinPassagesPerSlice = int.MaxValue };
        var sliced = new EvidenceSearcher(index) { MinPassagesPerSlice = 7, MaxSlices = 5 };
        var random = new Random(77);
        var sorts = Enum.GetValues<SearchSort>();
        var compared = 0;
        for (var i = 0; i < 60; i++)
        {
            var filters = new Dictionary<string, IReadOnlyList<string>>();
            if (random.Next(2) == 0)
            {
                filters["category"] = Categories.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            }

            if (random.Next(3) == 0)
            {
                filters["speaker"] = [Speakers[random.Next(Speakers.Length)]];
            }

            var request = new SearchRequest
            {
                Query = random.Next(6) == 0 ? null : Query(random),
                Filters = filters,
                Sort = sorts[random.Next(sorts.Length)],
                Page = random.Next(1, 3),
                PageSize = 15,
                FacetLimit = 100,
            };

            var expected = onePass.Search(request);
            var actual = sliced.Search(request);
            Assert.AreEqual(expected.Total, actual.Total, request.Query);
            Assert.AreSequenceEqual(expected.Hits.Select(Describe).ToList(), actual.Hits.Select(Describe).ToList(), request.Query);
            foreach (var facet in PassageFields.Facets)
            {
                Assert.AreSequenceEqual(expected.Facets[facet].ToList(), actual.Facets[facet].ToList(), $"{request.Query}: {facet}");
            }

            compared += expected.Total > 0 ? 1 : 0;
        }

        Assert.IsGreaterThan(40, compared, "most random searches should match something");
    }

    [TestMethod]
    public void SmallIndexesAreSearchedInOnePass()
    {
        // 240 submissions of 1–4 passages: fewer than two slices' worth at the default size.
        var request = new SearchRequest { Query = "harbour" };
        var byDefault = new EvidenceSearcher(index).Search(request);
        var onePass = new EvidenceSearcher(index) { MinPassagesPerSlice = int.MaxValue }.Search(request);
        Assert.AreEqual(onePass.Total, byDefault.Total);
        Assert.IsGreaterThan(0, byDefault.Total);
    }

    private static string Describe(SubmissionHit hit) =>
        $"{hit.Reference} {hit.Score:R} [{string.Join(", ", hit.Passages.Select(p => $"{p.PassageId}:{p.Score:R}:{p.Snippet}"))}]";

    private static string Query(Random random) => random.Next(4) switch
    {
        0 => Words[random.Next(Words.Length)],
        1 => $"{Words[random.Next(Words.Length)]} OR {Words[random.Next(Words.Length)]}",
        2 => $"\"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}\"~3",
        _ => $"{Words[random.Next(Words.Length)]} -{Words[random.Next(Words.Length)]}",
    };

    private static List<PassageDocument> Passages(long submissionId, Random random)
    {
        var category = random.Next(5) == 0 ? null : Categories[random.Next(Categories.Length)];
        var received = new DateOnly(2022, 1, 1).AddDays(random.Next(900));
        return Enumerable.Range(0, random.Next(1, 5)).Select(ordinal => new PassageDocument(
            submissionId * 100 + ordinal,
            submissionId,
            $"SLC{submissionId:D4}",
            "SLC",
            random.Next(3) == 0 ? "oral" : "written",
            category,
            $"Submitter {submissionId}",
            random.Next(3) == 0 ? null : $"Organisation {submissionId % 9}",
            false,
            received,
            "published",
            null,
            ordinal,
            1,
            $"{ordinal + 1}",
            null,
            random.Next(2) == 0 ? Speakers[random.Next(Speakers.Length)] : null,
            string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => Words[random.Next(Words.Length)])),
            Themes.Where(_ => random.Next(3) == 0).ToList())).ToList();
    }
}
