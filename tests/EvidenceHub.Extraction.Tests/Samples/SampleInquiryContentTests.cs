using System.Text.RegularExpressions;
using EvidenceHub.Samples;
using EvidenceHub.Samples.Sources;

namespace EvidenceHub.Extraction.Tests.Samples;

[TestClass]
public sealed partial class SampleInquiryContentTests
{
    static readonly string[] Categories =
        ["community-group", "charity", "academic", "think-tank", "local-authority", "central-government", "business", "individual", "parliamentarian", "other"];

    static readonly SampleInquiry Inquiry = SampleFolder.LoadLbn();

    [TestMethod]
    public void The_inquiry_is_LBN_and_says_it_is_fictional()
    {
        Assert.AreEqual("LBN", Inquiry.ReferencePrefix);
        Assert.Contains("fictional", Inquiry.Description);
    }

    [TestMethod]
    public void The_manifest_holds_enough_evidence_of_every_kind()
    {
        var submissions = Inquiry.Submissions;
        Assert.IsGreaterThanOrEqualTo(40, submissions.Count(s => s.Kind == "written"));
        Assert.IsGreaterThanOrEqualTo(1, submissions.Count(s => s.Kind == "supplementary"));
        Assert.HasCount(6, submissions.Where(s => s.IsOral), "four committee sessions and two public hearings");
        Assert.HasCount(2, submissions.Where(s => s.Layout.IsHearing()));
        Assert.HasCount(2, submissions.Where(s => s.Anonymous && s.Category == "individual"));
        Assert.IsEmpty(submissions.Where(s => !Categories.Contains(s.Category)).Select(s => s.File));
        Assert.HasCount(submissions.Count, submissions.Select(s => s.File).Distinct(), "output file names must be unique");
        Assert.IsTrue(submissions.All(s => s.IsOral == s.Layout.IsTranscript()), "oral sessions, and only they, use transcript layouts");
    }

    [TestMethod]
    public void To_the_public_it_looks_like_a_real_published_inquiry()
    {
        var submissions = Inquiry.Submissions;
        Assert.IsEmpty(submissions.Where(s => s.Publication is not ("published" or "received" or "withheld")).Select(s => s.File));
        var published = submissions.Count(s => s.Publication == "published");
        Assert.IsGreaterThan(submissions.Count * 3 / 4, published, "most of it is published");
        Assert.IsGreaterThanOrEqualTo(2, submissions.Count(s => s.Publication == "received"), "a few still waiting for a decision");
        Assert.IsTrue(submissions.Count(s => s.Publication == "withheld") is 1 or 2, "one or two withheld");
        Assert.IsTrue(submissions.Where(s => s.IsOral).All(s => s.Publication == "published"), "the oral sessions are on the record");
        Assert.IsTrue(Inquiry.Quotes.All(q => submissions.Single(s => s.File == q.File).Publication == "published"), "the chapter quotes published evidence");

        // Anonymous individuals have (invented) names that only staff see: nothing the public reads may carry them.
        var anonymous = submissions.Where(s => s.Anonymous).ToList();
        Assert.IsTrue(anonymous.Count is 2 or 3);
        foreach (var submission in anonymous)
        {
            Assert.AreEqual("individual", submission.Category);
            Assert.AreEqual("published", submission.Publication, submission.File);
            Assert.IsNull(submission.Organisation, submission.File);
            Assert.DoesNotContain("withheld", submission.SubmitterName, StringComparison.OrdinalIgnoreCase);
            foreach (var part in submission.SubmitterName.Split(' '))
            {
                Assert.DoesNotContain(part, submission.Title, submission.File);
                Assert.DoesNotContain(part, Inquiry.ReadSource(submission), submission.File);
                Assert.DoesNotContain(part, submission.File, StringComparison.OrdinalIgnoreCase, submission.File);
            }
        }
    }

    [TestMethod]
    public void Every_manifest_row_has_a_source_with_a_title()
    {
        foreach (var submission in Inquiry.Submissions)
        {
            Assert.IsTrue(File.Exists(Inquiry.SourcePath(submission)), $"no source for {submission.File}");
            if (submission.Layout.IsHearing())
            {
                // A hearing's source is its marked-up transcript: front matter, a title, turns.
                Assert.StartsWith("---\n", Inquiry.ReadSource(submission).ReplaceLineEndings("\n"), submission.File);
                Assert.Contains("\n# ", Inquiry.ReadSource(submission), submission.File);
                continue;
            }

            var source = SourceDocument.Parse(Inquiry.ReadSource(submission));
            Assert.IsNotEmpty(source.Blocks, submission.File);
        }
    }

    [TestMethod]
    public void Every_quote_is_an_exact_span_of_one_paragraph_of_its_source()
    {
        Assert.IsGreaterThanOrEqualTo(6, Inquiry.Quotes.Count);
        foreach (var quote in Inquiry.Quotes)
        {
            var submission = Inquiry.Submissions.Single(s => s.File == quote.File);
            var source = SourceDocument.Parse(Inquiry.ReadSource(submission));
            var passages = source.Blocks.Select(block => submission.IsOral ? TranscriptTurn.Split(block.Text).Text : block.Text);
            Assert.ContainsSingle(passages.Where(passage => passage.Contains(quote.Text, StringComparison.Ordinal)), $"quote from {quote.File}: {quote.Text}");
        }
    }

    [TestMethod]
    public void Every_theme_matches_several_sources_but_not_all()
    {
        var sources = Inquiry.Submissions.Select(Inquiry.ReadSource).ToList();
        Assert.IsGreaterThanOrEqualTo(5, Inquiry.Themes.Count);
        foreach (var theme in Inquiry.Themes)
        {
            var matches = sources.Count(source => ApproximateRuleMatcher.Matches(theme.Rule, source));
            Assert.IsTrue(matches >= 4 && matches < sources.Count, $"{theme.Name} matches {matches} of {sources.Count} sources");
        }
    }

    [TestMethod]
    public void Question_numbers_run_on_across_the_oral_sessions()
    {
        var next = 1;
        foreach (var session in Inquiry.Submissions.Where(s => s.IsOral && !s.Layout.IsHearing()).OrderBy(s => s.ReceivedOn))
        {
            var numbers = SourceDocument.Parse(Inquiry.ReadSource(session)).Blocks
                .Select(block => QuestionNumber().Match(block.Text))
                .Where(match => match.Success)
                .Select(match => int.Parse(match.Groups[1].Value))
                .ToList();
            Assert.IsGreaterThanOrEqualTo(25, numbers.Count, session.File);
            Assert.AreSequenceEqual(Enumerable.Range(next, numbers.Count).ToList(), numbers, session.File);
            next += numbers.Count;
        }
    }

    [GeneratedRegex(@"^Q(\d+) ")]
    private static partial Regex QuestionNumber();
}
