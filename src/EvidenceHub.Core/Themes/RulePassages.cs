using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes;

/// <summary>A submission and its passages as read from the database, with the content version they were read at.</summary>
public sealed class SubmissionPassages(Submission submission, IReadOnlyList<Passage> passages, string inquiryPrefix)
{
    public Submission Submission => submission;

    public IReadOnlyList<Passage> Passages => passages;

    public string InquiryPrefix => inquiryPrefix;

    public long Id => submission.Id;

    public int ContentVersion => submission.ContentVersion;

    /// <summary>
    /// What theme rules read: the documents the index would hold, without themes. A failed submission has
    /// none (the index holds nothing of it), so its automatic tags go.
    /// </summary>
    public IReadOnlyList<PassageDocument> Documents { get; } = submission.Status == ProcessingStatus.Failed
        ? []
        : SubmissionDocuments.For(submission, inquiryPrefix, passages).ToList();

    /// <summary>The same passages with the submission's row as re-read (names, kind, status: rules read them too).</summary>
    public SubmissionPassages WithRow(Submission row) => new(row, passages, inquiryPrefix);

    /// <summary>Whether rules read the same from <paramref name="row"/> (the submission re-read under its lock) as from this.</summary>
    public bool ReadsTheSameAs(Submission row)
    {
        var again = WithRow(row).Documents;
        return again.Count == Documents.Count && again.Zip(Documents).All(p => p.First with { Themes = p.Second.Themes } == p.Second);
    }
}

/// <summary>
/// Reads the passages theme rules run over from the database, the source of truth, so that rules run
/// on any node, index or not; and takes the submission's row lock (<see cref="SubmissionRowLock"/>) only
/// while they are still the passages read, for writing what rules made of them.
/// </summary>
public static class RulePassages
{
    /// <summary>These submissions (those that still exist), in id order.</summary>
    public static async Task<List<SubmissionPassages>> ReadAsync(
        EvidenceDbContext db, IReadOnlyCollection<long> submissionIds, string inquiryPrefix, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => submissionIds.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return await WithPassagesAsync(db, submissions, inquiryPrefix, cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> submissions of the inquiry after <paramref name="afterId"/>, in id order.</summary>
    public static async Task<List<SubmissionPassages>> ReadBatchAsync(
        EvidenceDbContext db, int inquiryId, string inquiryPrefix, long afterId, int count, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.InquiryId == inquiryId && s.Id > afterId)
            .OrderBy(s => s.Id).Take(count).ToListAsync(cancellationToken);
        return await WithPassagesAsync(db, submissions, inquiryPrefix, cancellationToken);
    }

    /// <summary>
    /// Inside the caller's transaction, locks the submission's row — an update that changes nothing, held
    /// until the transaction ends, on every database and node — if its passages are still those of
    /// <paramref name="seenVersion"/>. False when they were replaced since (or the submission is gone):
    /// what was evaluated on them must not be written.
    /// </summary>
    public static async Task<bool> TryLockAsync(EvidenceDbContext db, long submissionId, int seenVersion, CancellationToken cancellationToken) =>
        await db.Submissions.Where(s => s.Id == submissionId && s.ContentVersion == seenVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ContentVersion, s => s.ContentVersion), cancellationToken) == 1;

    private static async Task<List<SubmissionPassages>> WithPassagesAsync(
        EvidenceDbContext db, List<Submission> submissions, string inquiryPrefix, CancellationToken cancellationToken)
    {
        var ids = submissions.Select(s => s.Id).ToList();
        var passages = (await db.Passages.AsNoTracking().Where(p => ids.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);
        return submissions.Select(s => new SubmissionPassages(s, passages[s.Id].OrderBy(p => p.Ordinal).ToList(), inquiryPrefix)).ToList();
    }
}
