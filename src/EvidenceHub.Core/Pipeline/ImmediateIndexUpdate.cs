using EvidenceHub.Core.Themes;
using EvidenceHub.Search;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Brings one submission's index entries in line with the database before the caller answers, for a
/// change that affects what the public may read (a withdrawal, a request for anonymity, an edit of what
/// a hit shows): a search made after the response never sees the old entry. It writes the same entries
/// the refresh job writes, under the same gate, so a job that read the database before this change
/// cannot write its older entries after it.
/// </summary>
public sealed class ImmediateIndexUpdate(SubmissionIndexer indexer, PassageIndex index, TaggingGate gate)
{
    /// <remarks>
    /// Takes no cancellation token: it runs after the change is saved, and a client that goes away must
    /// not leave the index behind the database.
    /// </remarks>
    public Task ApplyAsync(long submissionId) => ApplyAsync([submissionId]);

    /// <inheritdoc cref="ApplyAsync(long)"/>
    public async Task ApplyAsync(IReadOnlyCollection<long> submissionIds)
    {
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await indexer.ReplaceAsync(submissionIds, CancellationToken.None);
            index.Commit(); // commits and refreshes the searcher before returning
        }
    }
}
