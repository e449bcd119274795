using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes;

/// <summary>A submission's passages as theme rules read them: the documents the index would hold, without themes.</summary>
public sealed record SubmissionPassages(Submission Submission, IReadOnlyList<PassageDocument> Passages);

/// <summary>
/// Reads the passages theme rules run over from the database, the source of truth, so that rules run
/// on any node, index or not. A failed submission has none: the index holds nothing of it, and its
/// automatic tags go.
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

    private static async Task<List<SubmissionPassages>> WithPassagesAsync(
        EvidenceDbContext db, List<Submission> submissions, string inquiryPrefix, CancellationToken cancellationToken)
    {
        var readable = submissions.Where(s => s.Status != ProcessingStatus.Failed).Select(s => s.Id).ToList();
        var passages = (await db.Passages.AsNoTracking().Where(p => readable.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);
        return submissions.Select(s => new SubmissionPassages(s,
            SubmissionDocuments.For(s, inquiryPrefix, passages[s.Id].OrderBy(p => p.Ordinal)).ToList())).ToList();
    }
}
