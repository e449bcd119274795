using System.Globalization;
using EvidenceHub.Bench;
using EvidenceHub.Bench.Campaigns;
using EvidenceHub.Bench.Cluster;
using EvidenceHub.Bench.Corpus;
using EvidenceHub.Bench.Database;
using EvidenceHub.Bench.Drafts;
using EvidenceHub.Bench.Extraction;
using EvidenceHub.Bench.Http;
using EvidenceHub.Bench.Indexing;
using EvidenceHub.Bench.Postgres;
using EvidenceHub.Bench.Queries;
using EvidenceHub.Bench.Relevance;
using EvidenceHub.Bench.Themes;

// The benchmark driver behind scripts/bench.sh. Each verb is one phase, run in its own process so that
// its peak working set is its own. Tables go to the folder in BENCH_REPORT (and to stdout).
const int Seed = 20240601;
var report = new Report(Environment.GetEnvironmentVariable("BENCH_REPORT") is { Length: > 0 } reportFolder ? reportFolder : null);
static int Int(string s) => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

switch (args)
{
    case ["generate-pdfs", var folder, var count, var pages]:
        PdfCorpusWriter.WriteFolder(folder, Int(count), Int(pages), Seed);
        break;
    case ["extract", var folder, var label]:
        ExtractionBench.Run(folder, label, report);
        break;
    case ["extract-overhead", var requests]:
        ExtractionBench.RunOverhead(Int(requests), report);
        break;
    case ["load-db", var data, var passages]:
        SqliteCorpusWriter.Write(data, Int(passages), Seed);
        break;
    case ["index", var data, var passages]:
        IndexBench.Run(data, Int(passages), Seed, report);
        break;
    case ["themes", var passages]:
        ThemeBench.Run(Int(passages), Seed, report);
        break;
    case ["themes-job", var data]:
        ThemeBench.RunJob(data, report);
        ThemeBench.RunEvaluator(data, 500, int.MaxValue, report);
        ThemeBench.RunEvaluator(data, 500, 6, report); // small submissions
        break;
    case ["campaigns", var letters]:
        CampaignBench.Run(Int(letters), Seed, report);
        break;
    case ["drafts", var data]:
        DraftBench.Run(data, Seed, report);
        break;
    case ["campaign-step", var data, var letters]:
        CampaignStepBench.Run(data, Int(letters), 1, Seed, report);
        break;
    case ["campaign-step", var data, var letters, var group]:
        CampaignStepBench.Run(data, Int(letters), Int(group), Seed, report);
        break;
    case ["query-inprocess", var data, var output, var rounds]:
        InProcessQueries.Run(data, output, Int(rounds));
        break;
    case ["spelling", var data, var label, var rounds]:
        SpellingBench.Run(data, label, Int(rounds), report);
        break;
    case ["query-http", var url, var output, var rounds, var passages]:
        HttpQueries.Run(url, output, Int(rounds), CorpusGenerator.SubmissionCount(Int(passages)));
        break;
    case ["pg-load", var connection, var passages]:
        PgCorpus.Load(connection, Int(passages), Seed);
        break;
    case ["pg-query", var connection, var output, var rounds]:
        PgQueries.Run(connection, output, Int(rounds));
        break;
    case ["upload", var url, var count, var label]:
        UploadBench.Run(url, "LBN", Int(count), label, report);
        break;
    case ["ingest", var url, var count, var label]:
        IngestBench.Run(url, Int(count), label, report);
        break;
    case ["ingest", var url, var count, var label, var warmup]:
        IngestBench.Run(url, Int(count), label, report, Int(warmup));
        break;
    case ["replica-lag", var urlA, var urlB, var count, var perSecond, var label]:
        ReplicaLagBench.Run(urlA, urlB, Int(count), double.Parse(perSecond, CultureInfo.InvariantCulture), label, report);
        break;
    case ["relevance", var url, var cisiFolder, var samplesFolder]:
        if (Directory.Exists(cisiFolder))
        {
            RelevanceBench.Run(url, "CISI", Cisi.Load(cisiFolder), [], report);
        }
        else
        {
            Console.Error.WriteLine($"{cisiFolder} is not there: the CISI relevance collection is left out.");
        }

        var (sample, rules) = SampleRelevance.Load(samplesFolder);
        RelevanceBench.Run(url, "LBNR", sample, rules, report);
        break;
    case ["relevance-inprocess", var cisiFolder, var samplesFolder]:
        RelevanceInProcess.Run(Cisi.Load(cisiFolder), [], report);
        var (inProcessSample, inProcessRules) = SampleRelevance.Load(samplesFolder);
        RelevanceInProcess.Run(inProcessSample, inProcessRules, report);
        break;
    case ["relevance-study", var cisiFolder, var samplesFolder]:
        RankingStudy.Measure(Cisi.Load(cisiFolder), []);
        var (studySample, studyRules) = SampleRelevance.Load(samplesFolder);
        RankingStudy.Measure(studySample, studyRules);
        break;
    case ["latency-table", var label, var inProcess, var http, var pg]:
        LatencySummary.Run(label, inProcess, http, pg, report);
        break;
    case ["wrk-script", var output]:
        File.WriteAllText(output, WrkScript.Lua());
        break;
    default:
        Console.Error.WriteLine("""
            usage: EvidenceHub.Bench <verb> …
              generate-pdfs DIR COUNT PAGES       write seeded PDFs of written evidence
              extract DIR LABEL                   our extraction (child processes of BENCH_API_DLL) against pdftotext on every PDF under DIR
              extract-overhead REQUESTS           what a child process adds to reading a short text file
              load-db DATA PASSAGES               the generated corpus into DATA's SQLite database
              index DATA PASSAGES                 the generated corpus into DATA's Lucene index (timed)
              themes PASSAGES                     ten theme rules in memory over each generated submission (timed)
              drafts DATA                         a 40-page, 200-quotation draft report checked against DATA's first inquiry (after load-db)
              themes-job DATA                     a rule's whole-inquiry job, and ingest's evaluator, over DATA's database (after load-db)
              campaigns LETTERS                   campaign detection over generated letters with known truth (timed, scored)
              campaign-step DATA LETTERS [GROUP]  the pipeline's campaign step per upload, timed (SQLite in DATA), in groups of GROUP
              query-inprocess DATA OUT ROUNDS     the 20-query mix through EvidenceSearcher
              spelling DATA LABEL ROUNDS          "did you mean": misspelt and well-spelt queries with and without a suggestion
              query-http URL OUT ROUNDS PASSAGES  the mix through the running API
              pg-load CONN PASSAGES               the corpus into PostgreSQL full-text search
              pg-query CONN OUT ROUNDS            the mix in PostgreSQL
              upload URL COUNT LABEL              upload → searchable through the running API
              ingest URL COUNT LABEL [WARMUP]     COUNT short texts as a batch and as single uploads → all searchable
                                                  (after WARMUP untimed ones into an inquiry of their own)
              replica-lag A B COUNT RATE LABEL    COUNT uploads to node A at RATE/s: indexed on A → found on B
              relevance URL CISI SAMPLES          ranking quality through the running API against plain BM25 (CISI folder, sample inquiry folder)
              relevance-inprocess CISI SAMPLES    the same collections through EvidenceSearcher in memory (for studying ranking)
              relevance-study CISI SAMPLES        nDCG@10 of ranking variants (document score, query-side changes) by re-ranking, per half of CISI
              latency-table LABEL IN HTTP PG      the latency rows from the three measurements
              wrk-script FILE                     a wrk Lua script cycling through the mix
            """);
        Environment.ExitCode = 2;
        break;
}
