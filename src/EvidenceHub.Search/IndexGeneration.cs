using Lucene.Net.Index;
using Lucene.Net.Search;
using Directory = Lucene.Net.Store.Directory;

namespace EvidenceHub.Search;

/// <summary>
/// One built index: its directory, its one <see cref="IndexWriter"/> and the near-real-time
/// <see cref="SearcherManager"/> fed by it. <see cref="PassageIndex"/> serves one generation and swaps
/// in a new one when a rebuild beside it is complete.
/// </summary>
public sealed class IndexGeneration : IDisposable
{
    private readonly Directory directory;
    private readonly Timer refresher;

    public IndexGeneration(Directory directory, string? folder = null)
    {
        this.directory = directory;
        Folder = folder;
        var config = new IndexWriterConfig(PassageFields.Version, EvidenceAnalyzers.Create())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = PassageIndex.Similarity,
            RAMBufferSizeMB = 64,
        };
        Writer = new IndexWriter(directory, config);
        Searchers = new SearcherManager(Writer, applyAllDeletes: true, new BM25SearcherFactory());
        refresher = new Timer(_ => Refresh(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The folder it lives in, when it is on disk.</summary>
    public string? Folder { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    /// <summary>What the last commit recorded beside the documents (the replica's watermark).</summary>
    public IReadOnlyDictionary<string, string> CommitData =>
        Writer.CommitData is { } data ? new Dictionary<string, string>(data) : new Dictionary<string, string>();

    public void Commit(IReadOnlyDictionary<string, string>? data = null)
    {
        if (data is not null)
        {
            Writer.SetCommitData(new Dictionary<string, string>(data));
        }

        Writer.Commit();
        Searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes the changes visible to searches that start after this returns, without a durable commit.</summary>
    public void RefreshNow() => Searchers.MaybeRefreshBlocking();

    private void Refresh()
    {
        try
        {
            Searchers.MaybeRefresh();
        }
        catch (ObjectDisposedException)
        {
            // closing down
        }
    }

    public void Dispose()
    {
        refresher.Dispose();
        Searchers.Dispose();
        Writer.Dispose();
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

            return new IndexSearcher(reader) { Similarity = PassageIndex.Similarity };
        }
    }
}
