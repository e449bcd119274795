using EvidenceHub.Core.Campaigns;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Writes submissions' passages, with the themes they carry, from the database into an index (the live
/// generation, or one being rebuilt beside it); the caller commits. Only the node's replica calls it.
/// </summary>
public sealed class SubmissionIndexer(EvidenceDbContext db, PassageIndex index)
{
    /// <summary>
    /// Replaces the submissions' documents; those that are gone or failed are taken out. Returns the
    /// passages written.
    /// </summary>
    /// <param name="submissionIds">The submissions to write.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <param name="into">A generation being rebuilt; null for the live one.</param>
    public async Task<int> ReplaceAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken, IndexGeneration? into = null)
    {
        var submissions = await db.Submissions.AsNoTracking().Include(s => s.Inquiry)
            .Where(s => submissionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var passages = (await db.Passages.AsNoTracking().Where(p => submissionIds.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);
        var (tags, names) = await ThemeAssignment.LoadAsync(db, submissionIds, cancellationToken);
        var campaigns = await db.Set<CampaignMember>().AsNoTracking()
            .Where(m => submissionIds.Contains(m.SubmissionId) && m.Origin != CampaignOrigin.Excluded)
            .ToDictionaryAsync(m => m.SubmissionId, m => m.CampaignId, cancellationToken);
        var written = 0;
        foreach (var id in submissionIds)
        {
            if (!submissions.TryGetValue(id, out var submission) || submission.Status == ProcessingStatus.Failed)
            {
                if (into is null)
                {
                    index.DeleteSubmission(id);
                }
                else
                {
                    PassageIndex.Delete(into, id);
                }

                continue;
            }

            var own = passages[id].OrderBy(p => p.Ordinal).ToList();
            var themes = ThemeAssignment.ByPassage(tags[id], own.Select(p => p.Id).ToList(), names);
            var documents = SubmissionDocuments.For(submission, submission.Inquiry!.Prefix, own, themes,
                campaigns.TryGetValue(id, out var campaign) ? campaign : null);
            if (into is null)
            {
                index.ReplaceSubmission(id, documents);
            }
            else
            {
                PassageIndex.Replace(into, id, documents);
            }

            written += own.Count;
        }

        return written;
    }
}
