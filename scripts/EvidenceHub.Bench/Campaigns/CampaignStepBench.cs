using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using EvidenceHub.Core;
using EvidenceHub.Core.Campaigns;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;
using EvidenceHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Bench.Campaigns;

/// <summary>
/// The pipeline's campaign step alone: generated letters (<see cref="CampaignCorpus"/>) are stored one by one in
/// the embedded database of a fresh data directory, with their passages, as the pipeline leaves them before the
/// step; then <see cref="CampaignAssignment"/> runs for that upload, timed, exactly as the pipeline calls it.
/// Each upload's step sees every letter before it, so the last ones look up and verify against the most.
/// Scored like the whole-inquiry run: pairwise precision and recall of the campaigns the uploads joined.
/// With a group size above one, the letters are stored and assigned in groups, as the pipeline runs a batch's
/// rows, and the time is given per letter (the group's time over its size).
/// </summary>
internal static class CampaignStepBench
{
    public static void Run(string dataDirectory, int letters, int groupSize, int seed, Report report)
    {
        var corpus = CampaignCorpus.Generate(letters, 0.3, seed);
        var options = new EvidenceHubOptions { DataDirectory = dataDirectory };
        Directory.CreateDirectory(options.FullDataDirectory);
        File.Delete(options.DatabasePath);
        int inquiryId;
        using (var db = DatabaseRegistration.CreateContext(options, null))
        {
            DatabaseInitializer.InitializeAsync(db, CancellationToken.None).GetAwaiter().GetResult();
            var inquiry = new Inquiry { Prefix = "CMP", Title = "Generated campaign letters", CreatedAt = DateTimeOffset.UtcNow, LastReferenceNumber = letters };
            db.Inquiries.Add(inquiry);
            db.SaveChanges();
            inquiryId = inquiry.Id;
        }

        var ids = new long[letters];
        var times = new double[letters];
        for (var first = 0; first < letters; first += groupSize)
        {
            using var db = DatabaseRegistration.CreateContext(options, null);
            var group = Enumerable.Range(first, Math.Min(groupSize, letters - first)).ToList();
            var submissions = group.Select(i => Upload(inquiryId, i, corpus[i], seed)).ToList();
            db.Submissions.AddRange(submissions);
            db.SaveChanges();
            group.ForEach(i => ids[i] = submissions[i - first].Id);
            db.ChangeTracker.Clear();

            var step = Stopwatch.StartNew();
            new CampaignAssignment(db, TimeProvider.System).AssignAsync(submissions.Select(s => s.Id).ToList(), CancellationToken.None).GetAwaiter().GetResult();
            group.ForEach(i => times[i] = step.Elapsed.TotalMilliseconds / group.Count);
        }

        int[] found;
        using (var db = DatabaseRegistration.CreateContext(options, null))
        {
            var members = db.Set<CampaignMember>().AsNoTracking().ToList()
                .Where(m => m.IsMember).ToDictionary(m => m.SubmissionId, m => (int)m.CampaignId);
            found = ids.Select(id => members.TryGetValue(id, out var campaign) ? campaign : -1).ToArray();
        }

        var (precision, recall) = CampaignScore.Pairwise(corpus.Select(l => l.Campaign).ToList(), found);
        var sorted = times.Order().ToArray();
        var lastTenth = times[(letters - letters / 10)..].Order().ToArray();
        var truthCampaigns = corpus.Where(l => l.Campaign >= 0).Select(l => l.Campaign).Distinct().Count();
        var met = Percentile(sorted, 0.95) <= 50 && precision >= 0.95 && recall >= 0.95;
        report.Row("campaigns",
            $"pipeline step: {letters:N0} uploads {(groupSize == 1 ? "one by one" : $"in groups of {groupSize}")} into SQLite, {corpus.Count(l => l.Campaign >= 0):N0} copies of {truthCampaigns} templates",
            $"per upload p50 {Percentile(sorted, 0.5):0.0} ms, p95 {Percentile(sorted, 0.95):0.0} ms, max {sorted[^1]:0.0} ms; last {letters / 10:N0} uploads p95 {Percentile(lastTenth, 0.95):0.0} ms",
            $"{found.Where(f => f >= 0).Distinct().Count()} campaigns; pairwise precision {precision:0.000}, recall {recall:0.000}",
            "(own words: as the whole-inquiry run)",
            met ? "≤ 50 ms added per upload (p95), P/R ≥ 0.95: met" : "≤ 50 ms added per upload (p95), P/R ≥ 0.95: MISSED");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static Submission Upload(int inquiryId, int i, CampaignCorpus.Letter letter, int seed)
    {
        var received = new DateOnly(2024, 1, 1).AddDays(i % 300);
        var submission = new Submission
        {
            InquiryId = inquiryId,
            Number = i + 1,
            Reference = ReferenceCode.Format("CMP", i + 1),
            Kind = SubmissionKind.Written,
            Title = $"Letter {i + 1}",
            SubmitterName = $"Resident {i + 1}",
            Category = SubmitterCategory.Individual,
            ReceivedOn = received,
            Publication = Publication.Published,
            DocumentType = DocumentType.Text,
            FileName = $"letter-{i + 1}.txt",
            SizeBytes = letter.Passages.Sum(p => p.Length),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"campaign-step-{seed}-{i}"))),
            CreatedAt = received.ToDateTime(TimeOnly.MinValue),
        };
        submission.MarkIndexed(received.ToDateTime(TimeOnly.MinValue));
        submission.Passages.AddRange(letter.Passages.Select((text, ordinal) => new Passage
        {
            Ordinal = ordinal,
            Paragraph = (ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Role = PassageRole.Body,
            Text = text,
        }));
        return submission;
    }
}
