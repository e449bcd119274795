using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace EvidenceHub.Search;

/// <summary>
/// The passage index of one node: derived data, rebuilt from the database whenever needed. It serves
/// one <see cref="IndexGeneration"/> at a time. A full rebuild writes a new generation in a folder beside
/// the live one (<see cref="CreateNext"/>) and <see cref="SwapIn"/> replaces the live one with it, so a
/// search sees the old index or the new one, never a half-built one.
/// </summary>
/// <remarks>
/// Folder layout: <c>index/gen-N</c> folders and <c>index/current</c>, which names the live one.
/// Writes go to the live generation; on a node, only its <c>IndexReplica</c> writes.
/// </remarks>
public sealed class PassageIndex : IDisposable
{
    private const string CurrentFile = "current";
    private readonly ReaderWriterLockSlim swap = new(LockRecursionPolicy.SupportsRecursion);
    private readonly string? root;
    private IndexGeneration live;

    public PassageIndex(Directory directory) => live = new IndexGeneration(directory);

    private PassageIndex(string root, IndexGeneration live)
    {
        this.root = root;
        this.live = live;
    }

    /// <summary>
    /// Opens the live generation under <paramref name="path"/> (creating an empty one the first time)
    /// with <see cref="MappedReadDirectory"/>: NIOFSDirectory's writing, with reads from memory maps that
    /// stay mapped while anything can read them (Lucene.Net's MMapDirectory crashes in this beta). Files of
    /// an index from before generations, or of generations no longer live, are removed: the database
    /// rebuilds them.
    /// </summary>
    public static PassageIndex OpenFolder(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var currentFile = Path.Combine(path, CurrentFile);
        var name = File.Exists(currentFile) ? File.ReadAllText(currentFile).Trim() : null;
        if (name is null || !System.IO.Directory.Exists(Path.Combine(path, name)))
        {
            name = "gen-1";
            System.IO.Directory.CreateDirectory(Path.Combine(path, name));
            WriteCurrent(path, name);
        }

        foreach (var file in System.IO.Directory.GetFiles(path).Where(f => Path.GetFileName(f) != CurrentFile))
        {
            File.Delete(file); // an index from before generations
        }

        foreach (var folder in System.IO.Directory.GetDirectories(path).Where(d => Path.GetFileName(d) != name))
        {
            System.IO.Directory.Delete(folder, recursive: true); // a rebuild that did not finish, or a generation swapped out
        }

        return new PassageIndex(path, Open(Path.Combine(path, name)));
    }

    public static Similarity Similarity { get; } = PassageSimilarity.ForIndex;

    /// <summary>What the live generation's last commit recorded beside its documents.</summary>
    public IReadOnlyDictionary<string, string> CommitData => Live(g => g.CommitData);

    /// <summary>
    /// Replaces every passage of a submission (insert or update) in one <c>UpdateDocuments</c> call, which
    /// Lucene applies atomically: a searcher refreshed meanwhile sees the old passages or the new ones, never
    /// neither (a delete then an add could be seen half done). Call <see cref="Commit"/> after.
    /// </summary>
    public void ReplaceSubmission(long submissionId, IEnumerable<PassageDocument> passages) =>
        Live(g =>
        {
            Replace(g, submissionId, passages);
            return 0;
        });

    public void DeleteSubmission(long submissionId) =>
        Live(g =>
        {
            Delete(g, submissionId);
            return 0;
        });

    /// <summary>Makes the changes durable and visible to searches that start after this returns.</summary>
    public void Commit(IReadOnlyDictionary<string, string>? data = null) => Live(g =>
    {
        g.Commit(data);
        return 0;
    });

    /// <summary>
    /// Makes the changes visible to searches that start after this returns (near-real-time), without the
    /// cost of a durable commit; what is not committed is applied again after a crash.
    /// </summary>
    public void Refresh() => Live(g =>
    {
        g.RefreshNow();
        return 0;
    });

    public T Search<T>(Func<IndexSearcher, T> search) => Live(g =>
    {
        var searcher = g.Searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            g.Searchers.Release(searcher);
        }
    });

    public int PassageCount => Search(s => s.IndexReader.NumDocs);

    /// <summary>
    /// A new, empty generation beside the live one (in memory when this index is not on disk), for a
    /// rebuild; write it with <see cref="Replace"/> and <see cref="Delete"/>, then <see cref="SwapIn"/>.
    /// </summary>
    public IndexGeneration CreateNext()
    {
        if (root is null)
        {
            return new IndexGeneration(new RAMDirectory());
        }

        var number = System.IO.Directory.GetDirectories(root).Select(Path.GetFileName)
            .Select(n => n is not null && n.StartsWith("gen-", StringComparison.Ordinal) && int.TryParse(n[4..], out var k) ? k : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var folder = Path.Combine(root, $"gen-{number}");
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        return Open(folder);
    }

    /// <summary>
    /// Makes <paramref name="next"/> (committed) the live generation: searches that start after this see
    /// it, those running finish on the old one, which is then closed and its folder deleted.
    /// </summary>
    public void SwapIn(IndexGeneration next)
    {
        IndexGeneration old;
        swap.EnterWriteLock();
        try
        {
            old = live;
            live = next;
            if (root is not null && next.Folder is not null)
            {
                WriteCurrent(root, Path.GetFileName(next.Folder));
            }
        }
        finally
        {
            swap.ExitWriteLock();
        }

        old.Dispose();
        if (old.Folder is not null && old.Folder != next.Folder)
        {
            try
            {
                System.IO.Directory.Delete(old.Folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Removed at the next start instead. (On Windows a file cannot be deleted while it is mapped, and
                // the old generation's files stay mapped until nothing can read them: MappedReadDirectory.)
            }
        }
    }

    public static void Replace(IndexGeneration generation, long submissionId, IEnumerable<PassageDocument> passages) =>
        generation.Writer.UpdateDocuments(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(submissionId)),
            passages.Select(PassageDocumentMapper.ToDocument));

    public static void Delete(IndexGeneration generation, long submissionId) =>
        generation.Writer.DeleteDocuments(new Term(PassageFields.SubmissionId, PassageDocumentMapper.Id(submissionId)));

    private T Live<T>(Func<IndexGeneration, T> use)
    {
        swap.EnterReadLock();
        try
        {
            return use(live);
        }
        finally
        {
            swap.ExitReadLock();
        }
    }

    private static IndexGeneration Open(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        return new IndexGeneration(new MappedReadDirectory(new DirectoryInfo(folder)), folder);
    }

    private static void WriteCurrent(string root, string name)
    {
        var temp = Path.Combine(root, CurrentFile + ".tmp");
        File.WriteAllText(temp, name);
        File.Move(temp, Path.Combine(root, CurrentFile), overwrite: true);
    }

    public void Dispose()
    {
        live.Dispose();
        swap.Dispose();
    }
}
