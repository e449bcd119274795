using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Writes submissions' passages, with the themes they carry, into the index (the caller commits).</summary>
public sealed class SubmissionIndexer(EvidenceDbContext db, PassageIndex index)
{
    /// <summary>Replaces the submissions' documents; those not indexed (or gone) are taken out. Returns the passages written.</summary>
    public async Task<int> ReplaceAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().Include(s => s.Inquiry)
            .Where(s => submissionIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var passages = (await db.Passages.AsNoTracking().Where(p => submissionIds.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);
        var (tags, names) = await ThemeAssignment.LoadAsync(db, submissionIds, cancellationToken);
        var written = 0;
        foreach (var id in submissionIds)
        {
            var submission = submissions.FirstOrDefault(s => s.Id == id);
            if (submission is null || submission.Status == ProcessingStatus.Failed)
            {
                index.DeleteSubmission(id);
                continue;
            }

            var own = passages[id].OrderBy(p => p.Ordinal).ToList();
            var themes = ThemeAssignment.ByPassage(tags[id], own.Select(p => p.Id).ToList(), names);
            index.ReplaceSubmission(id, SubmissionDocuments.For(submission, submission.Inquiry!.Prefix, own, themes));
            written += own.Count;
        }

        return written;
    }
}
