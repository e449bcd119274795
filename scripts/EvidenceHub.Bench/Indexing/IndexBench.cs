using System.Diagnostics;
using EvidenceHub.Bench.Corpus;
using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Replication;
using EvidenceHub.Storage;
using EvidenceHub.Search;

namespace EvidenceHub.Bench.Indexing;

/// <summary>
/// Indexes the generated corpus with <see cref="PassageIndex"/> into a data directory's index folder,
/// mapping submissions exactly as the API's reindex job does (<see cref="SubmissionDocuments"/>), in one
/// thread with one commit at the end (with the commit data the API's <see cref="IndexReplica"/> follows the
/// change log from). The generator's own cost is timed apart and reported beside it.
/// </summary>
internal static class IndexBench
{
    public static void Run(string dataDirectory, int passages, int seed, Report report)
    {
        var generator = new CorpusGenerator(seed);
        var prefixes = CorpusGenerator.Inquiries(CorpusGenerator.SubmissionCount(passages)).ToDictionary(i => i.Id, i => i.Prefix);

        var generateClock = Stopwatch.StartNew();
        long chars = 0;
        foreach (var s in generator.Submissions(passages))
        {
            chars += s.Passages.Sum(p => (long)p.Text.Length);
        }

        generateClock.Stop();

        var folder = new EvidenceHubOptions { DataDirectory = dataDirectory }.IndexDirectory;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var mark = LastChange(dataDirectory);
        var clock = Stopwatch.StartNew();
        var count = 0L;
        using (var index = PassageIndex.OpenFolder(folder))
        {
            foreach (var s in generator.Submissions(passages))
            {
                index.ReplaceSubmission(s.Id, SubmissionDocuments.For(s, prefixes[s.InquiryId], s.Passages));
                count += s.Passages.Count;
            }

            // Recorded as the API's replica records it, so that the API opens this index as it is: without it
            // the API rebuilt the index from the database at start, beside the live one, while the HTTP
            // latencies were being measured. The index holds every change the database's log has.
            index.Commit(IndexReplica.CommitData(mark, mark, DateTimeOffset.UtcNow));
        }

        clock.Stop();
        // The index lives in a generation's folder beneath this one.
        var size = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        var megabytes = chars / 1e6; // the text is ASCII: one byte a character
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        report.Row("indexing", $"{Fmt.Count(count)} passages",
            $"{count / seconds:N0} passages/s, {megabytes / seconds:F1} MB text/s ({megabytes:F0} MB in {seconds:F0} s, generator alone {generateClock.Elapsed.TotalSeconds:F0} s of it)",
            $"index {size / 1e6:N0} MB; peak working set {peak / 1e6:N0} MB",
            count / seconds >= 5000 ? "≥ 5,000/s target met" : $"target 5,000/s missed by {5000 / (count / seconds):F1}×");
    }

    /// <summary>The last change in the log of the data directory's database (<c>load-db</c> wrote it through EF, which logs each submission).</summary>
    private static long LastChange(string dataDirectory)
    {
        using var db = DatabaseRegistration.CreateContext(new EvidenceHubOptions { DataDirectory = dataDirectory }, null);
        return db.Set<IndexChange>().Max(c => (long?)c.Id) ?? 0;
    }
}
