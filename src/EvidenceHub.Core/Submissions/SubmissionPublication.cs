using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// A clerk's publication decision. This node's index has it before this returns; a withdrawal is an
/// urgent change, which every other node applies before its next search, so a public search made anywhere
/// after the answer never shows it. Each change is audited as published, withheld or publication-changed,
/// with from → to.
/// </summary>
public sealed class SubmissionPublication(EvidenceDbContext db, ImmediateIndexUpdate indexNow, AuditLog audit)
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
        await db.SaveChangesAsync(cancellationToken); // with its change-log row: every node's index follows
        await indexNow.ApplyAsync();

        return submission;
    }

    private static string ActionOf(Publication publication) => publication switch
    {
        Publication.Published => AuditActions.Published,
        Publication.Withheld => AuditActions.Withheld,
        _ => AuditActions.PublicationChanged,
    };
}
