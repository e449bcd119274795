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
