using System.Net;
using System.Text.RegularExpressions;
using EvidenceHub.Search;
using Lucene.Net.Store;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>
/// Theme rules run over passages indexed in memory, one at a time; they must match exactly what the same
/// query matches in the shared index — same mapping, same analyzers, names read as the public reads them.
/// </summary>
[TestClass]
public sealed partial class ThemeRuleMatchingTests
{
    private static readonly PassageDocument[] Passages =
    [
        Passage(1, 10, "Jane Smith", null, anonymous: true, "We want community ownership of the village hall."),
        Passage(2, 10, "Jane Smith", null, anonymous: true, "Our ﬁnances depend on volunteers and on the council."),
        Passage(3, 20, "John Smith", "Rural Transport Trust", anonymous: false, "Rural buses have been cut; the bus to town runs twice a week."),
        Passage(4, 20, "John Smith", "Rural Transport Trust", anonymous: false, "Broadband is poor, so people cannot work from home."),
        Passage(5, 30, "Ann Other", "Library Friends", anonymous: false, "An asset transfer saved the library. Devolution of powers helped."),
        Passage(6, 30, "Ann Other", "Library Friends", anonymous: false, "The libraries' café is run by volunteers; the naïve plan failed."),
        Passage(7, 40, "Q. Witness", null, anonymous: false, "We asked the minister about devolved budgets.", speaker: "Simon Kaye"),
    ];

    private static readonly string[] Rules =
    [
        "\"community ownership\" OR \"asset transfer\"",
        "volunteer",
        "librar*",
        "devolutin~",
        "finances",
        "cafe AND naive",
        "submitter:smith",
        "submitter:jane",
        "organisation:\"rural transport\"",
        "-submitter:smith AND volunteers",
        "speaker:kaye",
        "ref:TRM0030",
        "(buses OR broadband) AND NOT home",
        "\"bus town\"~2",
    ];

    [TestMethod]
    public void Every_rule_matches_in_memory_the_passages_it_matches_in_the_index()
    {
        using var index = new PassageIndex(new RAMDirectory());
        foreach (var submission in Passages.GroupBy(p => p.SubmissionId))
        {
            index.ReplaceSubmission(submission.Key, submission);
        }

        index.Commit();
        var inMemory = new ThemeRules().Match(Rules, Passages);
        for (var i = 0; i < Rules.Length; i++)
        {
            var query = EvidenceQueryParser.ParseQuery(Rules[i], SearchAccess.PublicOnly);
            var expected = index.Search(s => s.Search(query, 100).ScoreDocs.Select(d => long.Parse(s.Doc(d.Doc).Get(PassageFields.PassageId),
                System.Globalization.CultureInfo.InvariantCulture)).Order().ToList());
            Assert.AreSequenceEqual(expected, inMemory[i].Select(m => m.PassageId).ToList(), Rules[i]);
        }

        Assert.IsEmpty(inMemory[Array.IndexOf(Rules, "submitter:jane")], "an anonymous submitter's name matches no rule");
        for (var i = 0; i < Rules.Length; i++)
        {
            var highlighter = new SnippetHighlighter(EvidenceQueryParser.ParseQuery(Rules[i], SearchAccess.PublicOnly));
            foreach (var match in inMemory[i])
            {
                var marked = highlighter.MarkAll(Passages.Single(p => p.PassageId == match.PassageId).Text);
                Assert.AreSequenceEqual(MarkedWords(marked), match.Terms.ToList(), $"{Rules[i]}: the words a search would mark in passage {match.PassageId}");
            }
        }

        Assert.IsTrue(inMemory.Take(6).All(m => m.Count > 0), "the text rules each match something");
    }

    [TestMethod]
    public void A_match_says_which_words_matched_and_one_pass_runs_every_rule()
    {
        var matches = new ThemeRules().Match(["\"community ownership\" OR \"asset transfer\"", "devolutin~", "zebra"], Passages);
        Assert.AreSequenceEqual(new long[] { 1, 5 }, matches[0].Select(m => m.PassageId).ToList());
        Assert.AreSequenceEqual(new[] { "community ownership" }, matches[0][0].Terms.ToList());
        Assert.AreSequenceEqual(new[] { "asset transfer" }, matches[0][1].Terms.ToList());
        Assert.AreSequenceEqual(new[] { "devolution" }, matches[1].Single().Terms.ToList(), "a fuzzy term is marked as the word it found");
        Assert.AreEqual(30, matches[1].Single().SubmissionId);
        Assert.IsEmpty(matches[2]);
    }

    [TestMethod]
    public void A_rule_that_does_not_parse_throws_and_a_theme_rule_is_refused()
    {
        Assert.ThrowsExactly<SearchQueryException>(() => new ThemeRules().Match("\"unclosed", Passages));
        Assert.Contains("theme:", ThemeRules.Problem("theme:Transport")!);
        Assert.IsNull(ThemeRules.Problem("devolutin~ OR submitter:smith"));
    }

    /// <summary>The distinct marked spans of highlighted text; marks separated only by spaces are one phrase.</summary>
    private static List<string> MarkedWords(string marked) =>
        Marks().Matches(AdjacentMarks().Replace(marked, " "))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"</mark>(\s+)<mark>")]
    private static partial Regex AdjacentMarks();

    [GeneratedRegex(@"<mark>(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex Marks();

    private static PassageDocument Passage(long id, long submission, string name, string? organisation, bool anonymous, string text, string? speaker = null) =>
        new(id, submission, $"TRM{submission:D4}", "TRM", speaker is null ? "written" : "oral", "charity", name, organisation, anonymous,
            new DateOnly(2024, 3, 1), "published", null, (int)id, 1, null, speaker is null ? null : "Q1", speaker, text, []);
}
