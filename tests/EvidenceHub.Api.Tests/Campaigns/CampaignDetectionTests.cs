using EvidenceHub.Bench.Campaigns;
using EvidenceHub.Core.Campaigns;

namespace EvidenceHub.Api.Tests.Campaigns;

/// <summary>Campaign detection on generated letters whose truth is known: copies with variations among unrelated letters on the same topic.</summary>
[TestClass]
public sealed class CampaignDetectionTests
{
    [TestMethod]
    public void Copies_of_templates_are_grouped_with_pairwise_precision_and_recall_of_at_least_095()
    {
        var corpus = CampaignCorpus.Generate(3_000, 0.3, seed: 17);
        var found = CampaignClustering.Cluster(corpus.Select(l => TextFingerprint.Of(l.Passages)).ToList());

        var (precision, recall) = CampaignScore.Pairwise(corpus.Select(l => l.Campaign).ToList(), found);

        Assert.IsGreaterThanOrEqualTo(0.95, precision, $"pairwise precision {precision:0.000}");
        Assert.IsGreaterThanOrEqualTo(0.95, recall, $"pairwise recall {recall:0.000}");
        Assert.IsGreaterThan(2_000, corpus.Count(l => l.Campaign < 0), "the unrelated letters are most of the set");
    }

    [TestMethod]
    public void Own_words_are_found_with_precision_of_at_least_09()
    {
        var corpus = CampaignCorpus.Generate(1_000, 0.4, seed: 29);
        var found = CampaignClustering.Cluster(corpus.Select(l => TextFingerprint.Of(l.Passages)).ToList());
        var marks = new List<(bool Truth, bool Found)>();
        foreach (var campaign in Enumerable.Range(0, corpus.Count).Where(i => found[i] >= 0).GroupBy(i => found[i]))
        {
            var template = CampaignTemplate.Build(campaign.Select(i => corpus[i].Passages).ToList());
            marks.AddRange(campaign.SelectMany(i => corpus[i].Passages.Select((p, k) => (corpus[i].Own[k], template.IsOwnWords(p)))));
        }

        var (precision, recall) = CampaignScore.OwnWords(marks);

        Assert.IsGreaterThan(100, marks.Count(m => m.Truth), "the copies have paragraphs of their own");
        Assert.IsGreaterThanOrEqualTo(0.9, precision, $"own-words precision {precision:0.000}");
        Assert.IsGreaterThanOrEqualTo(0.8, recall, $"own-words recall {recall:0.000}");
    }

    [TestMethod]
    public void Reordered_paragraphs_and_a_new_greeting_leave_a_copy_alike_and_an_unrelated_letter_is_not()
    {
        string[] template =
        [
            "The Ashdown Residents Network asks the committee to give neighbourhoods a say over the money spent in them.",
            "Our bus routes were cut twice in three years and older residents can no longer reach the surgery without a lift.",
            "The youth club closed when its grant ended, and nothing has replaced it for the children on the estate.",
            "We ask for a neighbourhood fund run by residents, with ten years of money rather than one-year competitive bids.",
        ];
        var copy = TextFingerprint.Of(["Hello,", template[2], template[0], template[3], "My own street lost its post office and its last bank branch in the same year, so I travel to town.", "Cara Fernside"]);
        var original = TextFingerprint.Of(["Dear Committee,", .. template, "Yours sincerely,"]);
        var other = TextFingerprint.Of([
            "I write as a parish councillor about the funding of small towns and the bids we were asked to write.",
            "Our town hall needs a new roof and the fund asked for match funding we could not raise from our budget.",
        ]);

        Assert.IsTrue(TextSimilarity.Alike(copy, original, out var alike), $"a reordered copy with its own paragraph is alike (Jaccard {alike:0.00})");
        Assert.IsFalse(TextSimilarity.Alike(other, original, out var unlike), $"an unrelated letter on the topic is not (Jaccard {unlike:0.00})");
    }
}
