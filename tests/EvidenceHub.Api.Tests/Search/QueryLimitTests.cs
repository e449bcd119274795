using System.Globalization;
using EvidenceHub.Search;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// The bounds of the search language, at the index: each refusal is a <see cref="SearchQueryException"/>
/// saying what to change, and queries just inside each bound still run.
/// </summary>
[TestClass]
public sealed class QueryLimitTests
{
    private const int Submissions = 1_250;
    private const int PassagesEach = 4;

    private static string folder = null!;
    private static PassageIndex index = null!;
    private static EvidenceSearcher searcher = null!;

    [ClassInitialize]
    public static void Build(TestContext context)
    {
        folder = Path.Combine(Path.GetTempPath(), "evidencehub-tests", "limits-" + Guid.NewGuid().ToString("N"));
        index = PassageIndex.OpenFolder(folder);
        // 1,250 made-up words zq0000–zq1249, one per submission; every passage says harbour.
        for (var id = 0; id < Submissions; id++)
        {
            var word = Word(id);
            index.ReplaceSubmission(id, Enumerable.Range(0, PassagesEach).Select(n => new PassageDocument(id * 10L + n, id, $"LIM{id:D4}", "LIM", "written",
                null, "A. Person", null, false, new DateOnly(2024, 1, 1), "published", null, n, 1, null, null, null,
                n == 0 ? $"{word} harbour meadow" : "harbour words for 24/7 care and/or support", [])).ToList());
        }

        index.Commit();
        searcher = new EvidenceSearcher(index) { MinPassagesPerSlice = int.MaxValue };
    }

    [ClassCleanup]
    public static void Remove()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void A_query_over_a_thousand_characters_is_refused()
    {
        var phrase = "\"" + string.Join(' ', Enumerable.Repeat("harbour", 200))[..998] + "\"";
        Assert.AreEqual(1_000, phrase.Length);
        Assert.AreEqual(0, Search(phrase).Total);

        Assert.Contains("1,001 characters long; the limit is 1,000", Refusal(phrase + " "));
    }

    [TestMethod]
    public void A_query_of_more_than_a_hundred_clauses_counted_through_brackets_is_refused()
    {
        var hundred = string.Join(' ', Enumerable.Range(0, 100).Select(Word));
        Assert.AreEqual(0, Search(hundred).Total, "no passage has all hundred words, but the query runs");
        Assert.Contains("101 parts", Refusal(hundred + " harbour"));

        // 40 groups of two: 40 clauses outside the brackets and 80 inside.
        var groups = string.Join(" OR ", Enumerable.Range(0, 40).Select(i => $"({Word(i)} AND harbour)"));
        Assert.Contains("120 parts", Refusal(groups));
    }

    [TestMethod]
    public void Brackets_nested_more_than_ten_deep_are_refused_but_brackets_in_quotes_do_not_count()
    {
        static string Nested(int depth) => new string('(', depth) + "harbour" + new string(')', depth);
        Assert.AreEqual(Submissions, Search(Nested(10)).Total);
        Assert.Contains("11 deep", Refusal(Nested(11)));
        Assert.AreEqual(Submissions, Search("\"" + Nested(20) + "\"").Total);
        Assert.AreEqual(Submissions, Search(@"\(\(\(\(\(\(\(\(\(\(\( harbour").Total);
    }

    [TestMethod]
    public void A_regular_expression_is_refused_but_slashes_in_words_phrases_and_escapes_are_text()
    {
        foreach (var regex in new[] { "/harb.*/", "harbour /mea?dow/", "submitter:/pers.n/", "-/x/" })
        {
            Assert.Contains("regular expression", Refusal(regex), regex);
        }

        foreach (var text in new[] { "24/7", "and/or", "\"24/7 care\"", @"24\/7", "care and/or", "harbour /", "/care", "24-7/care" })
        {
            Assert.AreEqual(Submissions, Search(text + " harbour").Total, text);
        }

        Assert.AreEqual(1, Search("zq0001/harbour").Total, "a slash between words is a phrase of the two");
    }

    [TestMethod]
    public void A_prefix_or_wildcard_that_stands_for_more_than_a_thousand_words_is_refused()
    {
        Assert.Contains("'zq*' stands for more than 1,000 different words", Refusal("zq*"));
        Assert.Contains("more than 1,000", Refusal("zq??00 OR zq*"));
        Assert.Contains("more than 1,000", Refusal("ref:LIM*"));
        Assert.AreEqual(100, Search("zq00*").Total);
        Assert.AreEqual(1_000, Search("zq0*").Total, "exactly the limit still runs");
        Assert.AreEqual(10, Search("zq00?5").Total);
    }

    [TestMethod]
    public void A_fuzzy_term_keeps_its_fifty_closest_words()
    {
        // zq0500~2 is within two edits of hundreds of the made-up words; a fuzzy term keeps 50 of them.
        Assert.AreEqual(50, Search("zq0500~2").Total);
        Assert.AreEqual(1, Search("zq0500").Total);
    }

    [TestMethod]
    public void A_search_that_runs_past_its_time_budget_is_stopped_with_a_reason()
    {
        var slow = new EvidenceSearcher(index) { MinPassagesPerSlice = int.MaxValue, TimeBudget = TimeSpan.FromTicks(1) };
        var refused = Assert.Throws<SearchTooBroadException>(() => slow.Search(new SearchRequest { Query = "harbour" }));
        Assert.Contains("too broad to finish", refused.Message);
        Assert.IsInstanceOfType<SearchQueryException>(refused);
    }

    [TestMethod]
    public void The_clock_is_read_on_the_first_passage_and_then_every_4096_not_on_every_passage()
    {
        // A clock that moves three seconds each time it is read, against a budget of five: the second
        // reading after the start is past the budget.
        var searcherWithClock = new EvidenceSearcher(index) { MinPassagesPerSlice = int.MaxValue, Clock = new SteppingClock(TimeSpan.FromSeconds(3)) };
        Assert.AreEqual(1, searcherWithClock.Search(new SearchRequest { Query = "zq0001" }).Total, "one passage: one reading, within budget");
        Assert.AreEqual(1_000, searcherWithClock.Search(new SearchRequest { Query = "zq0*" }).Total, "1,000 passages: still one reading");
        Assert.Throws<SearchTooBroadException>(() => searcherWithClock.Search(new SearchRequest { Query = "harbour" }),
            "5,000 passages: a second reading at passage 4,097");
    }

    private static string Word(int i) => "zq" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static SearchResults Search(string query) => searcher.Search(new SearchRequest { Query = query, PageSize = 1 });

    private static string Refusal(string query) =>
        Assert.Throws<SearchQueryException>(() => Search(query), query).Message;

    /// <summary>A clock that moves on by <paramref name="step"/> every time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref now, step.Ticks);
    }
}
