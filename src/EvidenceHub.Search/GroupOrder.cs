namespace EvidenceHub.Search;

/// <summary>
/// The order of matching submissions, and one page of it without sorting them all: a search at 1M
/// passages can match 50,000 submissions, and sorting them to show 20 costs more than the rest of the
/// ranking. Ties fall to the reference code (unique), then the submission id, so the order is total
/// and paging is stable.
/// </summary>
internal static class GroupOrder
{
    public static IComparer<SubmissionGroup> For(SearchSort sort) => sort switch
    {
        SearchSort.Date => Comparer<SubmissionGroup>.Create((a, b) => Then(a.Received.CompareTo(b.Received), a, b)),
        SearchSort.DateDescending => Comparer<SubmissionGroup>.Create((a, b) => Then(b.Received.CompareTo(a.Received), a, b)),
        SearchSort.Reference => Comparer<SubmissionGroup>.Create((a, b) => Then(0, a, b)),
        _ => Comparer<SubmissionGroup>.Create((a, b) => Then(b.Score.CompareTo(a.Score), a, b)),
    };

    /// <summary>The groups at positions [skip, skip + take) of the order.</summary>
    public static List<SubmissionGroup> Page(IReadOnlyList<SubmissionGroup> groups, SearchSort sort, int skip, int take)
    {
        var order = For(sort);
        var wanted = (long)skip + take;
        if (take <= 0 || skip >= groups.Count)
        {
            return [];
        }

        if (wanted >= groups.Count)
        {
            var all = groups.ToList();
            all.Sort(order);
            return all.GetRange(skip, Math.Min(take, all.Count - skip));
        }

        // Keep the best `wanted` groups in a heap whose top is the worst of them.
        var worstFirst = Comparer<SubmissionGroup>.Create((a, b) => order.Compare(b, a));
        var heap = new PriorityQueue<SubmissionGroup, SubmissionGroup>((int)wanted + 1, worstFirst);
        foreach (var group in groups)
        {
            if (heap.Count < wanted)
            {
                heap.Enqueue(group, group);
            }
            else if (order.Compare(group, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(group, group);
            }
        }

        var best = new List<SubmissionGroup>(heap.Count);
        while (heap.TryDequeue(out var group, out _))
        {
            best.Add(group);
        }

        best.Reverse();
        return best.GetRange(skip, take);
    }

    private static int Then(int first, SubmissionGroup a, SubmissionGroup b)
    {
        if (first != 0)
        {
            return first;
        }

        var byReference = string.CompareOrdinal(a.Reference, b.Reference);
        return byReference != 0 ? byReference : a.SubmissionId.CompareTo(b.SubmissionId);
    }
}
