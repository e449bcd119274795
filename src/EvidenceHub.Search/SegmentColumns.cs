using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// The doc values a search reads for every matching passage — submission id, received date, reference
/// and the facet ordinals — copied into arrays once per segment and kept while the segment lives.
/// </summary>
/// <remarks>
/// Lucene 4.8 keeps doc values on disk, and the index was then read with NIOFSDirectory (Lucene.Net's
/// MMapDirectory crashes in this beta), so each per-passage look-up became a buffered file read — at 1M
/// passages that was most of a search's time. (It is now read from memory maps, <see cref="MappedReadDirectory"/>;
/// the arrays still save decoding packed values at every look-up.) Segments never change once written (we
/// only delete and add documents, never update doc values in place), so the copy is keyed by the segment's
/// core and built when the searcher manager opens a new segment (<see cref="PassageIndex"/> warms it), not
/// on the query path.
/// About 45 bytes a passage: ~45 MB of heap at 1M passages.
/// </remarks>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();

    private SegmentColumns(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        if (reader.GetNumericDocValues(PassageFields.SubmissionId) is { } ids)
        {
            SubmissionIds = new long[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                SubmissionIds[doc] = ids.Get(doc);
            }
        }

        Received = new int[maxDoc];
        if (reader.GetNumericDocValues(PassageFields.ReceivedOn) is { } received)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                Received[doc] = (int)received.Get(doc);
            }
        }

        References = reader.GetSortedDocValues(PassageFields.Reference) is { } references
            ? OrdinalColumn.Read(DocValues.Singleton(references), maxDoc)
            : null;
        Facets = PassageFields.Facets
            .Select(f => reader.GetSortedSetDocValues(PassageFields.FacetField(f)) is { } values ? OrdinalColumn.Read(values, maxDoc) : null)
            .ToArray();
    }

    /// <summary>The submission of each passage; null in a segment without passages.</summary>
    public long[]? SubmissionIds { get; }

    /// <summary>The received day number of each passage's submission (0 when unknown).</summary>
    public int[] Received { get; }

    public OrdinalColumn? References { get; }

    /// <summary>By the index of <see cref="PassageFields.Facets"/>; null where no passage of the segment has the facet.</summary>
    public OrdinalColumn?[] Facets { get; }

    public static SegmentColumns Of(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));
}

/// <summary>
/// One segment's ordinals of a sorted-set field by document, with the values they stand for. A field
/// with at most one value per document (every facet but speaker and theme) takes one int a document.
/// </summary>
internal sealed class OrdinalColumn
{
    private readonly int[] ordinals;
    private readonly int[]? starts;
    private readonly string[] labels;
    private readonly Dictionary<string, int> ordinalOf;

    private OrdinalColumn(int[] ordinals, int[]? starts, string[] labels)
    {
        this.ordinals = ordinals;
        this.starts = starts;
        this.labels = labels;
        ordinalOf = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var ord = 0; ord < labels.Length; ord++)
        {
            ordinalOf[labels[ord]] = ord;
        }
    }

    public int ValueCount => labels.Length;

    public string Label(int ordinal) => labels[ordinal];

    /// <summary>The ordinal of a value in this segment, or -1.</summary>
    public int OrdinalOf(string label) => ordinalOf.GetValueOrDefault(label, -1);

    /// <summary>A document's ordinals are <see cref="At"/>(i) for i in [start, end).</summary>
    public void Range(int doc, out int start, out int end)
    {
        if (starts is null)
        {
            start = doc;
            end = ordinals[doc] < 0 ? doc : doc + 1;
        }
        else
        {
            start = starts[doc];
            end = starts[doc + 1];
        }
    }

    public int At(int i) => ordinals[i];

    public static OrdinalColumn Read(SortedSetDocValues values, int maxDoc)
    {
        var labels = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < labels.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            labels[ord] = bytes.Utf8ToString();
        }

        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc);
        var multiValued = false;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ordinals.Add((int)ord);
            }

            multiValued |= ordinals.Count - starts[doc] > 1;
        }

        starts[maxDoc] = ordinals.Count;
        if (multiValued)
        {
            return new OrdinalColumn([.. ordinals], starts, labels);
        }

        var single = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            single[doc] = starts[doc + 1] > starts[doc] ? ordinals[starts[doc]] : -1;
        }

        return new OrdinalColumn(single, null, labels);
    }
}
