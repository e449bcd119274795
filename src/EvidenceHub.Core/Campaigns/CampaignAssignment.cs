using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// The pipeline's campaign step, for one submission whose passages were just stored: stores its signature
/// and band keys, looks up the submissions that share a band with it, verifies them, and joins it to the
/// campaign most of the alike ones are in — or, when enough alike submissions are in none, starts a campaign
/// with them. A clerk's decision (moved in, taken out) is kept. Oral evidence is never a campaign response.
/// </summary>
/// <remarks>
/// One inquiry's assignments are serialised by a lock on the inquiry's row, so two copies processed at once on
/// two workers cannot each start a campaign of their own.
/// </remarks>
public sealed class CampaignAssignment(EvidenceDbContext db, TimeProvider clock)
{
    public Task AssignAsync(long submissionId, CancellationToken cancellationToken) => AssignAsync([submissionId], cancellationToken);

    /// <summary>
    /// Assigns a group of submissions in one transaction, in id order, each seeing the ones before it (so a
    /// batch of copies starts its campaign among itself).
    /// </summary>
    public async Task AssignAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var submissions = await db.Submissions.AsNoTracking().Where(s => submissionIds.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            if (submissions.Count == 0)
            {
                return;
            }

            foreach (var inquiryId in submissions.Select(s => s.InquiryId).Distinct().Order())
            {
                await InquiryLock.TakeAsync(db, inquiryId, cancellationToken);
            }

            // Their old signatures and band keys go at once (each is stored again as it is assigned), and their
            // passages are read at once; each then sees the group members assigned before it, as saved.
            var ids = submissions.Select(s => s.Id).ToList();
            await db.Set<CampaignBand>().Where(b => ids.Contains(b.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<CampaignSignature>().Where(s => ids.Contains(s.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            var passages = (await db.Passages.Where(p => ids.Contains(p.SubmissionId)).ToListAsync(cancellationToken)).ToLookup(p => p.SubmissionId);
            foreach (var submission in submissions)
            {
                await AssignLockedAsync(submission, passages[submission.Id].OrderBy(p => p.Ordinal).ToList(), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();

            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <param name="submission">The submission, its old signature and band keys gone.</param>
    /// <param name="passages">Its passages, tracked, in order.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    private async Task AssignLockedAsync(Submission submission, List<Passage> passages, CancellationToken cancellationToken)
    {
        var fingerprint = TextFingerprint.Of(passages.Select(p => p.Text));
        var keys = await StoreSignatureAsync(submission, fingerprint, cancellationToken);
        var row = await db.Set<CampaignMember>().FirstOrDefaultAsync(m => m.SubmissionId == submission.Id, cancellationToken);
        if (row is { Origin: CampaignOrigin.Clerk })
        {
            var campaign = await db.Set<Campaign>().FirstAsync(c => c.Id == row.CampaignId, cancellationToken);
            row.Similarity = CampaignTemplates.MarkMember(campaign, passages, fingerprint);
            return;
        }

        if (row is { Origin: CampaignOrigin.Excluded } || keys.Length == 0)
        {
            await LeaveAsync(row, passages, cancellationToken);
            return;
        }

        var alike = await AlikeAsync(submission, fingerprint, keys, cancellationToken);
        var rows = await db.Set<CampaignMember>().Where(m => alike.Contains(m.SubmissionId)).ToListAsync(cancellationToken);
        var joined = rows.Where(m => m.IsMember).GroupBy(m => m.CampaignId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (long?)g.Key).FirstOrDefault();
        if (joined is { } campaignId)
        {
            await JoinAsync(submission, row, campaignId, passages, fingerprint, cancellationToken);
            return;
        }

        var free = alike.Except(rows.Select(m => m.SubmissionId)).ToList();
        if (free.Count + 1 >= CampaignClustering.MinSize)
        {
            await StartAsync(submission, row, free, cancellationToken);
            return;
        }

        await LeaveAsync(row, passages, cancellationToken);
    }

    /// <summary>Stores the submission's signature and band keys; no keys for oral evidence or a text too short to compare.</summary>
    private async Task<long[]> StoreSignatureAsync(Submission submission, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        if (submission.Kind == SubmissionKind.Oral || !fingerprint.Comparable)
        {
            return [];
        }

        db.Add(new CampaignSignature
        {
            SubmissionId = submission.Id,
            InquiryId = submission.InquiryId,
            Signature = MinHash.ToBytes(fingerprint.Signature),
            ShingleCount = fingerprint.ShingleCount,
        });
        var keys = MinHash.BandKeys(fingerprint.Signature);
        await CampaignBandWriter.InsertAsync(db, submission.InquiryId, submission.Id, keys, cancellationToken);
        return keys;
    }

    /// <summary>Submissions sharing a band key with this one whose similarity holds up when verified.</summary>
    private async Task<List<long>> AlikeAsync(Submission submission, TextFingerprint fingerprint, long[] keys, CancellationToken cancellationToken)
    {
        var candidates = await db.Set<CampaignBand>().AsNoTracking()
            .Where(b => b.InquiryId == submission.InquiryId && keys.Contains(b.Key) && b.SubmissionId != submission.Id)
            .Select(b => b.SubmissionId).Distinct().ToListAsync(cancellationToken);
        var signatures = await db.Set<CampaignSignature>().AsNoTracking().Where(s => candidates.Contains(s.SubmissionId)).ToListAsync(cancellationToken);
        return signatures
            .Where(s => TextSimilarity.Alike(fingerprint, new TextFingerprint(MinHash.FromBytes(s.Signature), s.ShingleCount), out _))
            .Select(s => s.SubmissionId).ToList();
    }

    private async Task JoinAsync(Submission submission, CampaignMember? row, long campaignId, List<Passage> passages, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var previous = row?.CampaignId;
        row ??= db.Add(new CampaignMember { SubmissionId = submission.Id }).Entity;
        row.CampaignId = campaignId;
        row.Origin = CampaignOrigin.Detected;
        var campaign = await db.Set<Campaign>().FirstAsync(c => c.Id == campaignId, cancellationToken);
        campaign.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var size = await db.Set<CampaignMember>().CountAsync(m => m.CampaignId == campaignId && m.Origin != CampaignOrigin.Excluded, cancellationToken);
        if (size < CampaignTemplates.RebuildBelow)
        {
            await CampaignTemplates.RebuildAsync(db, campaign, cancellationToken);
        }
        else
        {
            row.Similarity = CampaignTemplates.MarkMember(campaign, passages, fingerprint);
        }

        await ForgetPreviousAsync(previous, campaignId, cancellationToken);
    }

    private async Task StartAsync(Submission submission, CampaignMember? row, List<long> others, CancellationToken cancellationToken)
    {
        var previous = row?.CampaignId;
        var now = clock.GetUtcNow();
        var campaign = db.Add(new Campaign { InquiryId = submission.InquiryId, CreatedAt = now, UpdatedAt = now }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        row ??= db.Add(new CampaignMember { SubmissionId = submission.Id }).Entity;
        row.CampaignId = campaign.Id;
        row.Origin = CampaignOrigin.Detected;
        db.AddRange(others.Select(id => new CampaignMember { SubmissionId = id, CampaignId = campaign.Id, Origin = CampaignOrigin.Detected }));
        await db.SaveChangesAsync(cancellationToken);
        await CampaignTemplates.RebuildAsync(db, campaign, cancellationToken);
        await ForgetPreviousAsync(previous, campaign.Id, cancellationToken);
    }

    /// <summary>No campaign (any more): its detected membership goes, and with it the own-words marks.</summary>
    private async Task LeaveAsync(CampaignMember? row, List<Passage> passages, CancellationToken cancellationToken)
    {
        passages.ForEach(p => p.OwnWords = false);
        if (row is { Origin: CampaignOrigin.Detected })
        {
            db.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            await ForgetPreviousAsync(row.CampaignId, null, cancellationToken);
        }
    }

    /// <summary>The campaign a new version moved out of learns without it (and goes if nobody is left).</summary>
    private async Task ForgetPreviousAsync(long? previous, long? now, CancellationToken cancellationToken)
    {
        if (previous is { } id && id != now && await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } old)
        {
            await CampaignTemplates.RebuildAsync(db, old, cancellationToken);
        }
    }
}
