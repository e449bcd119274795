namespace EvidenceHub.Core.Themes;

/// <summary>
/// Tag writes, and the index writes that carry them, happen one at a time in a process: a rule run,
/// a tag by hand and a submission's re-indexing each read the database and write the index under the
/// gate, so the last writer always saw the last tags and concurrent rule edits cannot interleave.
/// (Across nodes this becomes the change log of the scale-out design.)
/// </summary>
public sealed class TaggingGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Exit(gate);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
