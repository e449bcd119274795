using System.Diagnostics;
using EvidenceHub.Bench.Corpus;
using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using EvidenceHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvidenceHub.Bench.Themes;

/// <summary>
/// Theme rules evaluated in memory as ingest does it: every rule of an inquiry over one submission's own
/// passages (mapped as <see cref="SubmissionDocuments"/> maps them), on the generated corpus, in one thread.
/// </summary>
internal static class ThemeBench
{
    /// <summary>Ten rules of the kinds researchers write: phrases, OR lists, a prefix, a fuzzy term, names.</summary>
    public static readonly string[] Rules =
    [
        "\"community ownership\" OR \"community wealth building\"",
        "\"social infrastructure\" OR halls OR libraries OR pubs",
        "\"left behind neighbourhoods\" OR deprivation",
        "\"high street regeneration\" OR (high AND street AND shops)",
        "\"digital exclusion\" OR broadband OR digital",
        "\"youth services\" OR (youth AND clubs)",
        "\"long term funding\" OR endowment",
        "devolutin~ OR mayors",
        "regenerat* AND NOT \"high street\"",
        "organisation:trust OR submitter:khan",
    ];

    public static void Run(int passages, int seed, Report report)
    {
        var generator = new CorpusGenerator(seed);
        var prefixes = CorpusGenerator.Inquiries(CorpusGenerator.SubmissionCount(passages)).ToDictionary(i => i.Id, i => i.Prefix);
        var submissions = generator.Submissions(passages)
            .Select(s => (IReadOnlyCollection<PassageDocument>)SubmissionDocuments.For(s, prefixes[s.InquiryId], s.Passages).ToList()).ToList();
        var rules = new ThemeRules();
        foreach (var submission in submissions.Take(200))
        {
            rules.Match(Rules, submission); // warm up: JIT, and each rule parsed once as the API keeps it
        }

        var times = new List<double>(submissions.Count);
        var matched = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var submission in submissions)
        {
            var start = clock.Elapsed;
            matched += rules.Match(Rules, submission).Sum(m => m.Count);
            times.Add((clock.Elapsed - start).TotalMilliseconds);
        }

        var wall = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        times.Sort();
        var count = submissions.Sum(s => s.Count);
        report.Row("themes", $"{Fmt.Count(count)} passages, {submissions.Count:N0} submissions, {Rules.Length} rules",
            $"{times[times.Count / 2]:F2} / {times[(int)(times.Count * 0.99)]:F2} ms per submission (p50 / p99); {cpuSeconds * 1000 / submissions.Count:F2} ms CPU mean",
            $"{count * Rules.Length / wall:N0} rule × passage evaluations/s; {matched:N0} matched",
            times[times.Count / 2] < 5 ? "< 5 ms target met" : "5 ms target missed");
    }

    /// <summary>
    /// The whole-inquiry run after a rule edit, on the database <c>load-db</c> wrote into DATA: a new theme on
    /// the first inquiry, then its rule changed (its tags move), each run by <see cref="ApplyThemeRuleJob"/>
    /// as a worker runs it — passages read from the database batch by batch, evaluated in memory, tags
    /// written under the submissions' row locks.
    /// </summary>
    public static void RunJob(string dataDirectory, Report report)
    {
        var options = new EvidenceHubOptions { DataDirectory = dataDirectory };
        using var db = DatabaseRegistration.CreateContext(options, null);
        var inquiry = db.Inquiries.AsNoTracking().OrderBy(i => i.Id).First();
        var passages = db.Passages.Count(p => db.Submissions.Any(s => s.Id == p.SubmissionId && s.InquiryId == inquiry.Id));
        db.Set<Theme>().Where(t => t.InquiryId == inquiry.Id).ExecuteDelete();
        var theme = new Theme { InquiryId = inquiry.Id, Name = "Bench", Rule = Rules[0], Colour = "#2E7D32", RuleVersion = 1 };
        db.Add(theme);
        db.SaveChanges();

        var rules = new ThemeRules();
        var writer = new AutomaticTagWriter(db, rules, new AutomaticTagger(db, TimeProvider.System), NullLogger<AutomaticTagWriter>.Instance);
        var job = new ApplyThemeRuleJob(db, writer, new ImmediateIndexUpdate(), NullLogger<ApplyThemeRuleJob>.Instance);
        foreach (var (label, rule) in new[] { ("new rule", Rules[0]), ("rule changed", Rules[1]) })
        {
            db.Set<Theme>().Where(t => t.Id == theme.Id).ExecuteUpdate(u => u.SetProperty(t => t.Rule, rule).SetProperty(t => t.RuleVersion, t => t.RuleVersion + 1));
            var clock = Stopwatch.StartNew();
            job.RunAsync(theme.Id, CancellationToken.None).GetAwaiter().GetResult();
            var seconds = clock.Elapsed.TotalSeconds;
            var tagged = db.Set<ThemeTag>().Where(t => t.ThemeId == theme.Id && t.PassageId == null).Count();
            report.Row("themes", $"{Fmt.Count(passages)} passages of {inquiry.Prefix}, whole-inquiry job, {label}",
                $"{seconds:F1} s, in batches of {ApplyThemeRuleJob.BatchSize} submissions", $"{passages / seconds:N0} passages/s; {tagged:N0} submissions tagged", "");
        }
    }

    /// <summary>
    /// What ingest pays for themes once a submission's passages are stored: <see cref="SubmissionThemeEvaluator"/>
    /// (read the passages, evaluate the inquiry's ten rules in memory, lock the row, re-check, write the tags).
    /// </summary>
    public static void RunEvaluator(string dataDirectory, int count, int maxPassages, Report report)
    {
        var options = new EvidenceHubOptions { DataDirectory = dataDirectory };
        using var db = DatabaseRegistration.CreateContext(options, null);
        var inquiry = db.Inquiries.AsNoTracking().OrderBy(i => i.Id).First();
        db.Set<Theme>().Where(t => t.InquiryId == inquiry.Id).ExecuteDelete();
        db.AddRange(Rules.Select((rule, i) => new Theme { InquiryId = inquiry.Id, Name = $"Bench {i}", Rule = rule, Colour = "#2E7D32", RuleVersion = 1 }));
        db.SaveChanges();
        var ids = db.Submissions.AsNoTracking().Where(s => s.InquiryId == inquiry.Id && s.PassageCount <= maxPassages)
            .OrderBy(s => s.Id).Select(s => s.Id).Take(count).ToList();
        var passages = db.Passages.Count(p => ids.Contains(p.SubmissionId));

        var rules = new ThemeRules();
        var writer = new AutomaticTagWriter(db, rules, new AutomaticTagger(db, TimeProvider.System), NullLogger<AutomaticTagWriter>.Instance);
        var evaluator = new SubmissionThemeEvaluator(db, writer);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var submission = db.Submissions.AsNoTracking().First(s => s.Id == id);
            evaluator.EvaluateAsync(submission, inquiry.Prefix, CancellationToken.None).GetAwaiter().GetResult();
            db.ChangeTracker.Clear();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        report.Row("themes", $"{ids.Count:N0} submissions of {inquiry.Prefix} ({passages / (double)ids.Count:F1} passages each), {Rules.Length} themes",
            $"{seconds * 1000 / ids.Count:F2} ms per submission, {cpuMs / ids.Count:F2} ms CPU: read, evaluate, lock, re-check, write (SQLite)",
            $"{ids.Count / seconds:N0} submissions/s on one thread", "");
    }
}
