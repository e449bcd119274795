using System.Text.RegularExpressions;
using EvidenceHub.Search;
using Lucene.Net.Store;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>
/// The two rules of <see cref="SubmissionRanking"/> that the relevance study added, on an index in
/// memory: a passage shorter than average scores as an average one (<see cref="PassageSimilarity"/>), and
/// function words in a query of alternatives match but weigh nothing.
/// </summary>
[TestClass]
public sealed class SubmissionRankingTests
{
    private const string Filler =
        "The committee heard from residents, councillors and officers about services in the district over two long sessions this spring.";

    [TestMethod]
    public void A_heading_with_the_words_does_not_outrank_a_paragraph_that_says_them_more_often()
    {
        using var index = Index(
            [(1, ["Ferry timetables", Filler])],
            [(2, ["The ferry leaves at six, and when the ferry is cancelled the timetables stay unchanged."])],
            [(3, [Filler]), (4, [Filler]), (5, [Filler])]);
        var hits = new EvidenceSearcher(index).Search(new SearchRequest
        {
            Query = "ferry OR timetables",
            Access = SearchAccess.Everything,
            Explain = true,
        }).Hits;

        // Plain BM25 put the two-word heading first: its length (2 words against an average of about 15)
        // made each of its words count 1.5 times a paragraph's one, more than the paragraph's second "ferry" adds.
        Assert.AreSequenceEqual(new[] { "RNK0002", "RNK0001" }, hits.Select(h => h.Reference).ToArray(), string.Join("\n\n", hits.Select(h => h.Explanation)));
        Assert.Contains("fieldLength as scored", hits[1].Explanation!, "the explanation says the heading was scored at the average length");
    }

    [TestMethod]
    public void Question_words_in_a_query_of_alternatives_match_but_weigh_nothing()
    {
        using var index = Index(
            [(1, ["What is it about? What about them, and which of them was it?"])],
            [(2, ["The ferries run late every winter."])],
            [(3, ["The buses are full."]), (4, ["The trains are cheap."]), (5, ["Nobody asked them."])]);
        var hits = new EvidenceSearcher(index).Search(new SearchRequest
        {
            Query = "what OR about OR which OR was OR ferries",
            Access = SearchAccess.Everything,
            PageSize = 10,
        }).Hits;

        // "was" is indexed as its stem "wa": the stop list is matched on stems.
        Assert.AreSequenceEqual(new[] { "RNK0002", "RNK0001" }, hits.Select(h => h.Reference).ToArray(), "the only content word decides");
        Assert.AreEqual(0f, hits[1].Score, "a passage of question words alone still matches, with nothing to its score");
    }

    [TestMethod]
    [DataRow(3)]
    [DataRow(1)]
    public void An_explanation_adds_up_to_the_score_of_its_hit_whatever_the_passages_shown(int passagesPerHit)
    {
        using var index = Index(
            [(1, ["The ferry was late.", "The ferry timetables changed twice.", "Ferry fares rose.", "The ferry, the ferry, the ferry."])],
            [(2, ["Timetables for the buses.", Filler])],
            [(3, [Filler]), (4, [Filler])]);
        var hits = new EvidenceSearcher(index).Search(new SearchRequest
        {
            Query = "ferry OR the OR timetables OR ferry", // a word twice counts twice; "the" weighs nothing
            Access = SearchAccess.Everything,
            PassagesPerHit = passagesPerHit,
            Explain = true,
        }).Hits;

        // Matching passages: all four of RNK0001; RNK0002's first, and its second by "the" alone (weighing nothing); one each of the others.
        var matching = new Dictionary<string, int> { ["RNK0001"] = 4, ["RNK0002"] = 2, ["RNK0003"] = 1, ["RNK0004"] = 1 };
        Assert.AreSequenceEqual(new[] { "RNK0001", "RNK0002" }, hits.Take(2).Select(h => h.Reference).ToArray());
        Assert.HasCount(4, hits);
        foreach (var hit in hits)
        {
            var text = hit.Explanation!;
            Assert.HasCount(Math.Min(passagesPerHit, matching[hit.Reference]), hit.Passages, "the explanation does not change the passages shown");
            var terms = Regex.Matches(text.Split('\n')[0], @"(?:([\d.]+) × )?([\d.]+) \(passage (\d+)\)").ToList();
            Assert.HasCount(Math.Min(SubmissionRanking.CombinedPassages, matching[hit.Reference]), terms, $"every passage the score adds up is named:\n{text}");
            var sum = terms.Sum(m => (m.Groups[1].Success ? Number(m.Groups[1].Value) : 1) * Number(m.Groups[2].Value));
            Assert.AreEqual(hit.Score, sum, 1e-3, $"the terms of the first line add up to the score:\n{text}");
            foreach (var term in terms)
            {
                // Lucene's explanation of each passage named in the sum is there, and scores what the sum says.
                var block = Regex.Match(text, $@"\nPassage {term.Groups[3].Value}:\n([\d.E-]+) = ");
                Assert.IsTrue(block.Success, $"passage {term.Groups[3].Value} is explained:\n{text}");
                Assert.AreEqual(Number(term.Groups[2].Value), Number(block.Groups[1].Value), 1e-3, text);
            }
        }
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static PassageIndex Index(params (long Submission, string[] Passages)[][] groups)
    {
        var index = new PassageIndex(new RAMDirectory());
        var id = 0L;
        foreach (var (submission, passages) in groups.SelectMany(g => g))
        {
            index.ReplaceSubmission(submission, passages.Select((text, ordinal) => new PassageDocument(++id, submission, $"RNK{submission:D4}",
                "RNK", "written", "charity", "A. Person", null, false, new DateOnly(2024, 3, 1), "published", "Written evidence", ordinal,
                null, null, null, null, text, [])).ToList());
        }

        index.Commit();
        return index;
    }
}
