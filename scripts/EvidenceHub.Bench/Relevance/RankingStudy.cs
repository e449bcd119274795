using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceHub.Extraction;
using EvidenceHub.Extraction.PlainText;
using EvidenceHub.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// The ranking study of issue #16, part 2 (<c>relevance-study</c>): ways of ranking a submission that
/// <see cref="EvidenceSearcher"/> does not use, measured by re-ranking outside it, with nDCG@10 for every
/// judged query, for CISI's odd and even query ids apart and for the sample set. Each collection is indexed
/// twice: as passages through <see cref="PassageIndex"/> (the intake's own text extractor, the index's own
/// similarity), and as whole documents (every passage's text and the title, one Lucene document each, the
/// same analyzers, BM25) for a document-level score. Per query:
/// <list type="bullet">
/// <item>the query as sent: its distinct words (as <see cref="RelevanceCollection.Words"/>), or every word
/// in order, so that a word repeated in the question counts again (query term frequency);</item>
/// <item>a change to the parsed query: stems merged into one clause, repeated terms saturated as BM25's k3
/// does, terms in more than a share of passages weighing nothing; or one of today's steps taken away
/// (passages shorter than average normalised as plain BM25 does; stop words weighed);</item>
/// <item>a way of combining a submission's passage scores (all of them) and its document score.</item>
/// </list>
/// </summary>
internal static partial class RankingStudy
{
    private sealed record Hit(string Doc, float[] Passages, float Document, float DocumentText);

    private sealed record Run(string Id, IReadOnlyList<string> Ranking, IReadOnlyDictionary<string, int> Relevant);

    private const string NoFloor = "passages shorter than average normalised (plain BM25)";
    private const string StopWordsWeighed = "stop words weighed";

    public static void Measure(RelevanceCollection collection, IReadOnlyList<(string QueryId, string Rule)> rules)
    {
        using var index = new PassageIndex(new RAMDirectory());
        using var documents = new RAMDirectory();
        var documentOf = Load(collection, index, documents);
        using var documentReader = DirectoryReader.Open(documents);
        var documentSearcher = new IndexSearcher(documentReader) { Similarity = new BM25Similarity() };
        var judgements = new Dictionary<string, IReadOnlyDictionary<string, int>>(collection.Judgements);
        var searcher = new EvidenceSearcher(index);
        foreach (var (queryId, rule) in rules)
        {
            judgements[queryId] = searcher.Search(new SearchRequest { Query = rule, PageSize = 100, Access = SearchAccess.Everything })
                .Hits.ToDictionary(h => documentOf[h.Reference], h => h.Passages.Count);
        }

        collection = collection with { Judgements = judgements };
        using var plain = new PlainBm25(collection.Documents);
        var forms = new Dictionary<string, Func<string, string>>
        {
            ["distinct words"] = t => string.Join(" OR ", RelevanceCollection.Words(t)),
            ["every word"] = EveryWord,
        };
        var changes = new Dictionary<string, Func<Query, IndexReader, Query>>
        {
            ["today"] = (q, _) => q,
            ["stems merged"] = (q, _) => Saturate(q, 0),
            ["repeats saturated, k3=1"] = (q, _) => Saturate(q, 1),
            ["repeats saturated, k3=3"] = (q, _) => Saturate(q, 3),
            ["repeats saturated, k3=8"] = (q, _) => Saturate(q, 8),
            ["words in >25% of passages weigh 0"] = (q, r) => Common(q, r, 0.25),
            ["words in >10% of passages weigh 0"] = (q, r) => Common(q, r, 0.10),
            [NoFloor] = (q, _) => q,
            [StopWordsWeighed] = (q, _) => q,
        };

        foreach (var (formName, form) in forms)
        {
            foreach (var (changeName, change) in changes)
            {
                var perQuery = collection.Judged.Select(query =>
                {
                    var parsed = EvidenceQueryParser.ParseQuery(form(query.Text), SearchAccess.Everything);
                    var hits = index.Search(s => Hits(s, changeName, change, parsed, documentSearcher, documentOf));
                    return (query.Id, Hits: hits, Relevant: collection.Judgements[query.Id]);
                }).ToList();
                foreach (var (name, score) in Combinations(changeName == "today"))
                {
                    Print(collection.Name, formName, changeName, name, perQuery.Select(q => new Run(q.Id, Rank(q.Hits, score), q.Relevant)).ToList());
                }
            }

            Print(collection.Name, formName, "–", "plain Lucene BM25", collection.Judged.Select(q => new Run(q.Id, plain.Search(form(q.Text), 100), collection.Judgements[q.Id])).ToList());
        }
    }

    /// <summary>The combinations measured: today's alone for a changed query, all of them for today's query.</summary>
    private static IEnumerable<(string Name, Func<Hit, double> Score)> Combinations(bool all)
    {
        yield return ("today: best + 0.2 × 2nd + 0.04 × 3rd", h => Decayed(h.Passages, 0.2, 3));
        if (!all)
        {
            yield break;
        }

        yield return ("best passage", h => h.Passages[0]);
        yield return ("best + 0.5 of the one before, top 5", h => Decayed(h.Passages, 0.5, 5));
        yield return ("document alone (text + title at 0.5)", h => h.Document);
        foreach (var w in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            yield return ($"today + {w} × document", h => Decayed(h.Passages, 0.2, 3) + w * h.Document);
            yield return ($"best + {w} × document", h => h.Passages[0] + w * h.Document);
            yield return ($"today + {w} × document text (no title)", h => Decayed(h.Passages, 0.2, 3) + w * h.DocumentText);
        }
    }

    private static List<Hit> Hits(IndexSearcher s, string changeName, Func<Query, IndexReader, Query> change, Query parsed, IndexSearcher documentSearcher,
        IReadOnlyDictionary<string, string> documentOf)
    {
        var ranked = changeName == StopWordsWeighed ? WithStopWords(parsed) : SubmissionRanking.Ranked(change(parsed, s.IndexReader));
        var passageSearcher = changeName == NoFloor ? new IndexSearcher(s.IndexReader) { Similarity = new BM25Similarity() } : s;
        var byDocument = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        foreach (var sd in passageSearcher.Search(ranked, 100_000).ScoreDocs)
        {
            var id = s.Doc(sd.Doc).Get(PassageFields.Reference);
            if (!byDocument.TryGetValue(id, out var scores))
            {
                byDocument[id] = scores = [];
            }

            scores.Add(sd.Score);
        }

        var onDocuments = change(parsed, documentSearcher.IndexReader);
        var document = Scores(documentSearcher, SubmissionRanking.Ranked(onDocuments));
        var text = Scores(documentSearcher, onDocuments);
        return byDocument.Select(kv => new Hit(documentOf[kv.Key], kv.Value.OrderByDescending(x => x).ToArray(),
            document.GetValueOrDefault(kv.Key), text.GetValueOrDefault(kv.Key))).ToList();
    }

    private static Dictionary<string, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 100_000).ScoreDocs.ToDictionary(sd => searcher.Doc(sd.Doc).Get(PassageFields.Reference), sd => sd.Score);

    /// <summary>Indexes the collection as passages and as whole documents; answers reference → document id.</summary>
    private static Dictionary<string, string> Load(RelevanceCollection collection, PassageIndex index, RAMDirectory documents)
    {
        var extractor = new PlainTextPassageExtractor();
        var passageId = 0L;
        var documentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using var writer = new IndexWriter(documents, new IndexWriterConfig(PassageFields.Version, EvidenceAnalyzers.Create()) { Similarity = new BM25Similarity() });
        for (var i = 0; i < collection.Documents.Count; i++)
        {
            var d = collection.Documents[i];
            var reference = $"REL{i + 1:D4}";
            documentOf[reference] = d.Id;
            var passages = extractor.Extract(Encoding.UTF8.GetBytes(d.Text), new ExtractionRequest(DocumentType.Text), CancellationToken.None).Passages;
            index.ReplaceSubmission(i + 1, passages.Select((p, ordinal) => new PassageDocument(++passageId, i + 1, reference, "REL", "written",
                "academic", "Relevance Collection", null, false, new DateOnly(2024, 1, 1), "published", d.Title, ordinal, p.Page, p.Paragraph,
                p.Question, p.Speaker, p.Text, [])));
            var document = new Document
            {
                new StringField(PassageFields.Reference, reference, Field.Store.YES),
                new TextField(PassageFields.Text, string.Join("\n\n", passages.Select(p => p.Text)), Field.Store.NO),
            };
            if (!string.IsNullOrEmpty(d.Title))
            {
                document.Add(new TextField(PassageFields.TitleText, d.Title, Field.Store.NO));
            }

            writer.AddDocument(document);
        }

        writer.Commit();
        index.Commit();
        return documentOf;
    }

    private static IReadOnlyList<string> Rank(List<Hit> hits, Func<Hit, double> score) =>
        hits.Select(h => (h.Doc, Score: score(h))).OrderByDescending(x => x.Score).ThenBy(x => x.Doc, StringComparer.Ordinal)
            .Take(100).Select(x => x.Doc).ToList();

    private static void Print(string collection, string form, string change, string combination, List<Run> runs)
    {
        string Mean(Func<int, bool> pick)
        {
            var picked = runs.Where(r => int.TryParse(r.Id, CultureInfo.InvariantCulture, out var n) && pick(n)).ToList();
            return picked.Count == 0 ? "" : picked.Average(r => RankingMetrics.Of(r.Ranking, r.Relevant).Ndcg10).ToString("F4", CultureInfo.InvariantCulture);
        }

        var all = runs.Average(r => RankingMetrics.Of(r.Ranking, r.Relevant).Ndcg10).ToString("F4", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {collection} | {form} | {change} | {combination} | {all} | {Mean(n => n % 2 == 1)} | {Mean(n => n % 2 == 0)} |");
    }

    private static double Decayed(float[] scores, double decay, int count)
    {
        double total = 0, weight = 1;
        for (var i = 0; i < Math.Min(count, scores.Length); i++)
        {
            total += weight * scores[i];
            weight *= decay;
        }

        return total;
    }

    /// <summary>
    /// Repeated terms of a query of alternatives as one clause weighted qtf × (k3 + 1) / (k3 + qtf), BM25's
    /// query-side saturation (Lucene adds a repeated clause linearly, k3 = ∞); k3 = 0 merges them into one.
    /// </summary>
    private static Query Saturate(Query q, double k3)
    {
        if (q is not BooleanQuery b || b.Clauses.Any(c => c.Occur != Occur.SHOULD))
        {
            return q;
        }

        var result = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost };
        foreach (var group in b.Clauses.GroupBy(c => c.Query is TermQuery t ? (object)t.Term : c))
        {
            var first = group.First();
            var qtf = group.Count();
            result.Add(first.Query is TermQuery t && qtf > 1
                ? new TermQuery(t.Term) { Boost = (float)(qtf * (k3 + 1) / (k3 + qtf)) }
                : first.Query, Occur.SHOULD);
        }

        return result;
    }

    private static Query Common(Query q, IndexReader reader, double share)
    {
        if (q is not BooleanQuery b || b.Clauses.Any(c => c.Occur != Occur.SHOULD))
        {
            return q;
        }

        var result = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost };
        foreach (var c in b.Clauses)
        {
            result.Add(c.Query is TermQuery t && reader.DocFreq(t.Term) > share * reader.NumDocs ? new TermQuery(t.Term) { Boost = 0f } : c.Query, c.Occur);
        }

        return result;
    }

    /// <summary>Today's query without the stop-word step: every word weighs, in the text and in the title.</summary>
    private static Query WithStopWords(Query q)
    {
        var title = new BooleanQuery(disableCoord: true) { Boost = SubmissionRanking.TitleBoost };
        foreach (var c in ((BooleanQuery)q).Clauses)
        {
            title.Add(new TermQuery(new Term(PassageFields.TitleText, ((TermQuery)c.Query).Term.Text)), Occur.SHOULD);
        }

        return new BooleanQuery(disableCoord: true) { { q, Occur.MUST }, { title, Occur.SHOULD } };
    }

    /// <summary>Every word of the text in order, repeats kept, within the search language's limits (100 words, 1,000 characters).</summary>
    private static string EveryWord(string text)
    {
        var words = new List<string>();
        var length = 0;
        foreach (var word in WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value))
        {
            var added = word.Length + (words.Count == 0 ? 0 : " OR ".Length);
            if (words.Count == 100 || length + added > 1_000)
            {
                break;
            }

            words.Add(word);
            length += added;
        }

        return string.Join(" OR ", words);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
