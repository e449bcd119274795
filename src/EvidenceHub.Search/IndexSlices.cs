using Lucene.Net.Index;

namespace EvidenceHub.Search;

/// <summary>One segment's documents [From, To), part of a slice.</summary>
internal readonly record struct SegmentRange(AtomicReaderContext Leaf, int From, int To);

/// <summary>
/// Cuts the index into slices of about equal size that one search collects in parallel, one per core.
/// A large index is mostly one big segment, so slices cut through segments — always between two
/// submissions, never inside one (a submission's passages are consecutive documents of one segment), so
/// each slice sees whole submissions and their counts can be added up.
/// </summary>
internal static class IndexSlices
{
    public static List<List<SegmentRange>> Split(IList<AtomicReaderContext> leaves, int maxSlices, int minPassagesPerSlice)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var count = (int)Math.Clamp(total / Math.Max(minPassagesPerSlice, 1), 1, Math.Max(maxSlices, 1));
        var slices = new List<List<SegmentRange>> { new() };
        if (count == 1)
        {
            slices[0].AddRange(leaves.Select(l => new SegmentRange(l, 0, l.AtomicReader.MaxDoc)));
            return slices;
        }

        var target = (total + count - 1) / count;
        long filled = 0;
        foreach (var leaf in leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var from = 0;
            while (from < maxDoc)
            {
                var room = target - filled;
                if (maxDoc - from <= room || slices.Count == count)
                {
                    slices[^1].Add(new SegmentRange(leaf, from, maxDoc));
                    filled += maxDoc - from;
                    break;
                }

                var cut = SubmissionStartFrom(leaf, from + (int)Math.Max(room, 0));
                if (cut > from)
                {
                    slices[^1].Add(new SegmentRange(leaf, from, cut));
                    filled += cut - from;
                }

                from = cut;
                if (from < maxDoc)
                {
                    slices.Add([]);
                    filled = 0;
                }
            }
        }

        slices.RemoveAll(s => s.Count == 0);
        return slices;
    }

    /// <summary>The first document at or after <paramref name="doc"/> that starts a submission.</summary>
    private static int SubmissionStartFrom(AtomicReaderContext leaf, int doc)
    {
        var ids = SegmentColumns.Of(leaf.AtomicReader).SubmissionIds;
        if (ids is null)
        {
            return doc;
        }

        while (doc > 0 && doc < ids.Length && ids[doc] == ids[doc - 1])
        {
            doc++;
        }

        return doc;
    }
}
