using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// The baseline a developer would build in an afternoon: one Lucene document per document, its title and
/// text in one field analysed by <see cref="EnglishAnalyzer"/> (stop words, Porter stems), BM25 with
/// Lucene's defaults, and the query read by the classic query parser.
/// </summary>
internal sealed class PlainBm25 : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly EnglishAnalyzer analyzer = new(Version);

    public PlainBm25(IEnumerable<RelevanceDocument> documents)
    {
        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = similarity }))
        {
            foreach (var d in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", d.Id, Field.Store.YES),
                    new TextField("contents", d.Title + "\n\n" + d.Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = similarity };
    }

    /// <summary>The ids of the first <paramref name="count"/> documents for <paramref name="queryText"/>.</summary>
    public IReadOnlyList<string> Search(string queryText, int count)
    {
        var query = new QueryParser(Version, "contents", analyzer).Parse(queryText);
        return searcher.Search(query, count).ScoreDocs.Select(sd => searcher.Doc(sd.Doc).Get("id")).ToList();
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }
}
