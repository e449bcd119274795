using System.Globalization;
using System.Text;
using EvidenceHub.Extraction;
using EvidenceHub.Extraction.PlainText;
using EvidenceHub.Search;
using Lucene.Net.Store;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// The ranking study without the server: each document split into passages by the intake's own text
/// extractor, indexed through <see cref="PassageIndex"/> in memory, and searched through
/// <see cref="EvidenceSearcher"/> beside <see cref="PlainBm25"/>. Seconds per run instead of minutes, so
/// that ways of combining passages can be compared; the figures that count are <see cref="RelevanceBench"/>'s.
/// </summary>
internal static class RelevanceInProcess
{
    public static void Run(RelevanceCollection collection, IReadOnlyList<(string QueryId, string Rule)> rules, Report report)
    {
        using var index = new PassageIndex(new RAMDirectory());
        var extractor = new PlainTextPassageExtractor();
        var passageId = 0L;
        var documentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < collection.Documents.Count; i++)
        {
            var d = collection.Documents[i];
            var reference = $"REL{i + 1:D4}";
            documentOf[reference] = d.Id;
            var passages = extractor.Extract(Encoding.UTF8.GetBytes(d.Text), new ExtractionRequest(DocumentType.Text), CancellationToken.None).Passages;
            index.ReplaceSubmission(i + 1, passages.Select((p, ordinal) => new PassageDocument(++passageId, i + 1, reference, "REL", "written",
                "academic", "Relevance Collection", null, false, new DateOnly(2024, 1, 1), "published", d.Title, ordinal, p.Page, p.Paragraph,
                p.Question, p.Speaker, p.Text, [])));
        }

        index.Commit();
        var searcher = new EvidenceSearcher(index);
        IReadOnlyList<string> Search(string text) => searcher.Search(new SearchRequest
        {
            Query = text,
            PageSize = 100,
            Access = SearchAccess.Everything,
        }).Hits.Select(h => documentOf[h.Reference]).ToList();

        var judgements = new Dictionary<string, IReadOnlyDictionary<string, int>>(collection.Judgements);
        foreach (var (queryId, rule) in rules)
        {
            judgements[queryId] = searcher.Search(new SearchRequest { Query = rule, PageSize = 100, Access = SearchAccess.Everything })
                .Hits.ToDictionary(h => documentOf[h.Reference], h => h.Passages.Count);
        }

        collection = collection with { Judgements = judgements };
        using var plain = new PlainBm25(collection.Documents);
        var ours = new List<RankingMetrics>();
        var theirs = new List<RankingMetrics>();
        foreach (var query in collection.Judged)
        {
            var text = string.Join(" OR ", RelevanceCollection.Words(query.Text));
            ours.Add(RankingMetrics.Of(Search(text), collection.Judgements[query.Id]));
            theirs.Add(RankingMetrics.Of(plain.Search(text, 100), collection.Judgements[query.Id]));
        }

        var a = RankingMetrics.Mean(ours);
        var b = RankingMetrics.Mean(theirs);
        var label = $"{collection.Name}: {collection.Documents.Count:N0} documents, {passageId:N0} passages";
        var queries = collection.Judged.Count.ToString(CultureInfo.InvariantCulture);
        report.Row("relevance", label, queries, "EvidenceSearcher, in-process", F(a.Ndcg10), F(a.Map100), F(a.P10), F(a.R100), "");
        report.Row("relevance", label, queries, "plain Lucene BM25", F(b.Ndcg10), F(b.Map100), F(b.P10), F(b.R100), "");
        QueryHalves.Rows(report, label, "EvidenceSearcher, in-process", collection.Judged, ours, theirs);
        PageCost(searcher, collection, label, report);
    }

    /// <summary>
    /// The search alone for <see cref="RelevanceBench"/>'s page of 100 hits (the same ten-word OR queries), and
    /// the same queries at pageSize=1: what the page costs beside what every search costs.
    /// </summary>
    private static void PageCost(EvidenceSearcher searcher, RelevanceCollection collection, string label, Report report)
    {
        var tenWord = RelevanceBench.TenWordQueries(collection);
        if (tenWord.Count == 0)
        {
            return;
        }

        foreach (var pageSize in new[] { 100, 1 })
        {
            var times = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                foreach (var text in tenWord)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    searcher.Search(new SearchRequest { Query = text, PageSize = pageSize, Access = SearchAccess.Everything });
                    if (round >= 2)
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }

            times.Sort();
            report.Row("relevance-speed", label, $"{tenWord.Count} ten-word OR queries, pageSize={pageSize}, EvidenceSearcher in-process",
                Fmt.Triple(times), "–", "");
        }
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
