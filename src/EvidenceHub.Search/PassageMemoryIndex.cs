using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// One passage at a time in a Lucene <see cref="MemoryIndex"/>, indexed as the shared index holds it: the
/// document <see cref="PassageDocumentMapper"/> makes, analysed by <see cref="EvidenceAnalyzers"/>. Theme
/// rules run against it, so they match what a search would, without the shared index (a worker node has
/// none, and a rule must not depend on how far a node's replica has caught up). Only the fields the rules
/// read are indexed: a field no query reads cannot change what it matches. Not thread-safe: one per
/// evaluation, reused passage after passage.
/// </summary>
internal sealed class PassageMemoryIndex(IReadOnlySet<string> fields)
{
    private readonly MemoryIndex memory = new(storeOffsets: false);

    /// <summary>Holds <paramref name="passage"/>, and nothing else, and returns a searcher over it.</summary>
    public IndexSearcher Load(PassageDocument passage)
    {
        memory.Reset();
        foreach (var field in PassageDocumentMapper.ToDocument(passage).Fields)
        {
            if (fields.Contains(field.Name) && field.IndexableFieldType.IsIndexed)
            {
                memory.AddField(field.Name, field.GetTokenStream(EvidenceAnalyzers.Shared));
            }
        }

        return memory.CreateSearcher();
    }

    public static bool Matches(IndexSearcher searcher, Query query)
    {
        var hit = new AnyHit();
        searcher.Search(query, hit);
        return hit.Found;
    }

    /// <summary>
    /// Whether the one document matched, not how well. In order: a collector that takes hits out of order
    /// makes a disjunction use <c>BooleanScorer</c>, which allocates a table of 2,048 buckets every search,
    /// twenty times the cost of the search itself on one passage.
    /// </summary>
    private sealed class AnyHit : ICollector
    {
        public bool Found { get; private set; }

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public void Collect(int doc) => Found = true;
    }
}
