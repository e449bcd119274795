using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// A clerk's publication decision. Withdrawing a published submission rewrites its index entries before
/// this returns, so a public search made after the answer never shows it; publishing may take the
/// background refresh's second. Each change is audited as published, withheld or publication-changed,
/// with from → to.
/// </summary>
public sealed class SubmissionPublication(EvidenceDbContext db, ImmediateIndexUpdate indexNow, IPipelineQueue queue, AuditLog audit)
{
    /// <summary>The submission as it now stands; null when there is no such submission.</summary>
    public async Task<Submission?> SetAsync(string reference, Publication publication, Actor actor, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        if (submission is null || submission.Publication == publication)
        {
            return submission;
        }

        var from = submission.Publication;
        submission.Publication = publication;
        audit.Add(actor, ActionOf(publication), submission.Inquiry!.Prefix, submission.Reference, $"{from.ToCode()} → {publication.ToCode()}");
        await db.SaveChangesAsync(cancellationToken);
        if (from == Publication.Published)
        {
            await indexNow.ApplyAsync(submission.Id);
        }
        else
        {
            queue.Refresh(submission.Id); // the index filters by publication
        }

        return submission;
    }

    private static string ActionOf(Publication publication) => publication switch
    {
        Publication.Published => AuditActions.Published,
        Publication.Withheld => AuditActions.Withheld,
        _ => AuditActions.PublicationChanged,
    };
}
