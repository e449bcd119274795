namespace EvidenceHub.Search;

/// <summary>When a search has to stop: its time budget, counted from when the search started.</summary>
internal sealed class SearchDeadline(TimeProvider clock, TimeSpan budget)
{
    private readonly long start = clock.GetTimestamp();

    public void ThrowIfPassed()
    {
        if (clock.GetElapsedTime(start) > budget)
        {
            throw new SearchTooBroadException(budget);
        }
    }
}
