using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace EvidenceHub.Search;

/// <summary>
/// The passage index of one process: one shared <see cref="IndexWriter"/> feeding a near-real-time
/// <see cref="SearcherManager"/>. Derived data: it can be deleted and rebuilt from the database.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    private readonly Directory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Timer refresher;

    public PassageIndex(Directory directory)
    {
        this.directory = directory;
        var config = new IndexWriterConfig(PassageFields.Version, EvidenceAnalyzers.Create())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory());
        refresher = new Timer(_ => Refresh(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Opens the index folder with <see cref="PositionalReadDirectory"/>: NIOFSDirectory's writing, with
    /// lock-free positional reads (MMapDirectory crashes in this beta).
    /// </summary>
    public static PassageIndex OpenFolder(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        return new PassageIndex(new PositionalReadDirectory(new DirectoryInfo(path)));
    }

    public static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>
    /// Replaces every passage of a submission (insert or update) in one <c>UpdateDocuments</c> call, which
    /// Lucene applies atomically: a searcher refreshed meanwhile sees the old passages or the new ones, never
    /// neither (a delete then an add could be seen half done). Call <see cref="Commit"/> after.
    /// </summary>
    public void ReplaceSubmission(long submissionId, IEnumerable<PassageDocument> passages) =>
        writer.UpdateDocuments(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(submissionId)),
            passages.Select(PassageDocumentMapper.ToDocument));

    public void DeleteSubmission(long submissionId) =>
        writer.DeleteDocuments(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(submissionId)));

    public void DeleteAll() => writer.DeleteAll();

    /// <summary>Makes the changes durable and visible to searches that start after this returns.</summary>
    public void Commit()
    {
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public int PassageCount => Search(s => s.IndexReader.NumDocs);

    private void Refresh()
    {
        try
        {
            searchers.MaybeRefresh();
        }
        catch (ObjectDisposedException)
        {
            // closing down
        }
    }

    public void Dispose()
    {
        refresher.Dispose();
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        /// <summary>
        /// Also loads the doc-value columns of new segments here, when the manager refreshes, so the
        /// first search after a commit or merge does not pay for it.
        /// </summary>
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
            {
                SegmentColumns.Of(leaf.AtomicReader);
            }

            return new IndexSearcher(reader) { Similarity = Similarity };
        }
    }
}
