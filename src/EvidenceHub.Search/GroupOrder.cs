namespace EvidenceHub.Search;

/// <summary>
/// The order of matching submissions, and one page of it without sorting them all: a search at 1M
/// passages can match 50,000 submissions, and sorting them to show 20 costs more than the rest of the
/// ranking. Ties fall to the reference code (unique), then the submission id, so the order is total
/// and paging is stable — whichever slice of the index a submission was collected in.
/// </summary>
internal static class GroupOrder
{
    /// <summary>The groups at positions [skip, skip + take) of the order, over every slice's groups.</summary>
    public static List<SubmissionGroup> Page(IReadOnlyList<CollectedGroups> slices, SearchSort sort, int skip, int take)
    {
        var total = slices.Sum(s => s.Count);
        var wanted = (long)skip + take;
        if (take <= 0 || skip >= total)
        {
            return [];
        }

        var order = new RowOrder(slices, sort);
        var rows = new List<Row>();
        if (wanted >= total)
        {
            rows.AddRange(slices.SelectMany((s, slice) => Enumerable.Range(0, s.Count).Select(i => new Row(slice, i))));
            rows.Sort(order);
        }
        else
        {
            // Keep the best `wanted` rows in a heap whose top is the worst of them.
            var worstFirst = Comparer<Row>.Create((a, b) => order.Compare(b, a));
            var heap = new PriorityQueue<Row, Row>((int)wanted + 1, worstFirst);
            for (var slice = 0; slice < slices.Count; slice++)
            {
                for (var i = 0; i < slices[slice].Count; i++)
                {
                    var row = new Row(slice, i);
                    if (heap.Count < wanted)
                    {
                        heap.Enqueue(row, row);
                    }
                    else if (order.Compare(row, heap.Peek()) < 0)
                    {
                        heap.DequeueEnqueue(row, row);
                    }
                }
            }

            while (heap.TryDequeue(out var row, out _))
            {
                rows.Add(row);
            }

            rows.Reverse();
        }

        return rows.Skip(skip).Take(take).Select(r => slices[r.Slice].ToGroup(r.Index)).ToList();
    }

    private readonly record struct Row(int Slice, int Index);

    private sealed class RowOrder(IReadOnlyList<CollectedGroups> slices, SearchSort sort) : IComparer<Row>
    {
        public int Compare(Row a, Row b)
        {
            var x = slices[a.Slice];
            var y = slices[b.Slice];
            var first = sort switch
            {
                SearchSort.Date => x.Received(a.Index).CompareTo(y.Received(b.Index)),
                SearchSort.DateDescending => y.Received(b.Index).CompareTo(x.Received(a.Index)),
                SearchSort.Reference => 0,
                _ => y.Score(b.Index).CompareTo(x.Score(a.Index)),
            };
            if (first != 0)
            {
                return first;
            }

            var byReference = string.CompareOrdinal(x.Reference(a.Index), y.Reference(b.Index));
            return byReference != 0 ? byReference : x.SubmissionId(a.Index).CompareTo(y.SubmissionId(b.Index));
        }
    }
}
