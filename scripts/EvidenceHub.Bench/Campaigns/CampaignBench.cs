using System.Diagnostics;
using EvidenceHub.Core.Campaigns;

namespace EvidenceHub.Bench.Campaigns;

/// <summary>
/// A whole-inquiry run of campaign detection over generated letters with known truth (<see cref="CampaignCorpus"/>),
/// one thread, timed in its steps: fingerprints (shingles and MinHash), clustering (LSH bands and verification),
/// templates and own words. Reports pairwise precision and recall and own-words precision against the truth.
/// </summary>
internal static class CampaignBench
{
    public static void Run(int letters, int seed, Report report)
    {
        var corpus = CampaignCorpus.Generate(letters, 0.3, seed);
        var words = corpus.Sum(l => l.Passages.Sum(Shingles.WordCount));
        var total = Stopwatch.StartNew();

        var step = Stopwatch.StartNew();
        var fingerprints = corpus.Select(l => TextFingerprint.Of(l.Passages)).ToList();
        var fingerprintMs = step.ElapsedMilliseconds;

        step.Restart();
        var found = CampaignClustering.Cluster(fingerprints);
        var clusterMs = step.ElapsedMilliseconds;

        step.Restart();
        var marks = new List<(bool Truth, bool Found)>();
        foreach (var campaign in Enumerable.Range(0, corpus.Count).Where(i => found[i] >= 0).GroupBy(i => found[i]))
        {
            var members = campaign.ToList();
            var template = CampaignTemplate.Build(members.Select(i => corpus[i].Passages).ToList());
            foreach (var i in members)
            {
                marks.AddRange(corpus[i].Passages.Select((p, k) => (corpus[i].Own[k], template.IsOwnWords(p))));
            }
        }

        var templateMs = step.ElapsedMilliseconds;
        var totalMs = total.ElapsedMilliseconds;

        var (precision, recall) = CampaignScore.Pairwise(corpus.Select(l => l.Campaign).ToList(), found);
        var (ownPrecision, ownRecall) = CampaignScore.OwnWords(marks);
        var truthCampaigns = corpus.Where(l => l.Campaign >= 0).Select(l => l.Campaign).Distinct().Count();
        var foundCampaigns = found.Where(f => f >= 0).Distinct().Count();
        var met = precision >= 0.95 && recall >= 0.95 && ownPrecision >= 0.9 && (letters < 50_000 || totalMs <= 60_000);
        report.Row("campaigns",
            $"{letters:N0} letters ({words:N0} words), {corpus.Count(l => l.Campaign >= 0):N0} copies of {truthCampaigns} templates",
            $"{totalMs / 1000.0:0.0} s (fingerprints {fingerprintMs / 1000.0:0.0} s, clustering {clusterMs / 1000.0:0.0} s, templates and own words {templateMs / 1000.0:0.0} s)",
            $"{foundCampaigns} campaigns; pairwise precision {precision:0.000}, recall {recall:0.000}",
            $"own words precision {ownPrecision:0.000}, recall {ownRecall:0.000}",
            letters >= 50_000
                ? (met ? "≤ 60 s, P/R ≥ 0.95, own words P ≥ 0.9: met" : "≤ 60 s, P/R ≥ 0.95, own words P ≥ 0.9: MISSED")
                : (met ? "P/R ≥ 0.95, own words P ≥ 0.9: met" : "P/R ≥ 0.95, own words P ≥ 0.9: MISSED"));
    }
}
