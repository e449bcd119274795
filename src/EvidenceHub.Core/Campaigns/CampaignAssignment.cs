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
    /// <summary>The membership rows of the group being assigned and of the submissions alike its members, tracked, kept up to date as members join, start or leave campaigns.</summary>
    private Dictionary<long, CampaignMember> rows = [];

    public Task AssignAsync(long submissionId, CancellationToken cancellationToken) => AssignAsync([submissionId], cancellationToken);

    /// <summary>
    /// Assigns a group of submissions in one transaction, in id order, each seeing the ones before it (so a
    /// batch of copies starts its campaign among itself).
    /// </summary>
    /// <remarks>
    /// The group's reads are done once: its passages, every stored submission sharing a band key with any of
    /// its members, their signatures and their membership rows. Each member's candidates are then those stored
    /// submissions sharing one of its keys and the group members before it sharing one, verified in memory. The
    /// signatures and band keys go in together, so a group of letters that are nobody's copies costs a handful
    /// of statements, not a handful each. Joining or starting a campaign saves as it goes (the template is
    /// rebuilt from the database).
    /// </remarks>
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

            var ids = submissions.Select(s => s.Id).ToList();
            await db.Set<CampaignBand>().Where(b => ids.Contains(b.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<CampaignSignature>().Where(s => ids.Contains(s.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            var passages = (await db.Passages.Where(p => ids.Contains(p.SubmissionId)).ToListAsync(cancellationToken)).ToLookup(p => p.SubmissionId);
            var group = submissions.Select(s =>
            {
                var own = passages[s.Id].OrderBy(p => p.Ordinal).ToList();
                var fingerprint = TextFingerprint.Of(own.Select(p => p.Text));
                var keys = s.Kind == SubmissionKind.Oral || !fingerprint.Comparable ? [] : MinHash.BandKeys(fingerprint.Signature);
                return new Member(s, own, fingerprint, keys);
            }).ToList();

            var stored = await StoredAlikeAsync(group, cancellationToken);
            var rowIds = ids.Concat(stored.Values.SelectMany(v => v)).Distinct().ToList();
            rows = await db.Set<CampaignMember>().Where(m => rowIds.Contains(m.SubmissionId)).ToDictionaryAsync(m => m.SubmissionId, cancellationToken);
            await StoreSignaturesAsync(group, cancellationToken);

            for (var i = 0; i < group.Count; i++)
            {
                var earlier = group.Take(i).Where(g => g.Submission.InquiryId == group[i].Submission.InquiryId && g.Shares(group[i])
                    && TextSimilarity.Alike(group[i].Fingerprint, g.Fingerprint, out _)).Select(g => g.Submission.Id);
                await AssignLockedAsync(group[i], [.. stored[group[i].Submission.Id], .. earlier], cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>A member of the group: its passages (tracked, in order), its fingerprint and its band keys (none when it cannot be a copy).</summary>
    private sealed record Member(Submission Submission, List<Passage> Passages, TextFingerprint Fingerprint, long[] Keys)
    {
        public bool Shares(Member other) => Keys.Length > 0 && other.Keys.Length > 0 && Keys.Intersect(other.Keys).Any();
    }

    /// <param name="member">A submission of the group, its old signature and band keys gone.</param>
    /// <param name="alike">The submissions verified alike it: stored ones and the group's members before it.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    private async Task AssignLockedAsync(Member member, List<long> alike, CancellationToken cancellationToken)
    {
        var (submission, passages, fingerprint, keys) = member;
        var row = rows.GetValueOrDefault(submission.Id);
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

        var theirs = alike.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        var joined = theirs.Where(m => m.IsMember).GroupBy(m => m.CampaignId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (long?)g.Key).FirstOrDefault();
        if (joined is { } campaignId)
        {
            await JoinAsync(submission, row, campaignId, passages, fingerprint, cancellationToken);
            return;
        }

        var free = alike.Where(id => !rows.ContainsKey(id)).ToList();
        if (free.Count + 1 >= CampaignClustering.MinSize)
        {
            await StartAsync(submission, row, free, cancellationToken);
            return;
        }

        await LeaveAsync(row, passages, cancellationToken);
    }

    /// <summary>
    /// For each member, the stored submissions (outside the group) that share a band key with it and whose
    /// similarity holds up when verified: one read of the bands and one of the signatures for the whole group.
    /// </summary>
    private async Task<Dictionary<long, List<long>>> StoredAlikeAsync(IReadOnlyList<Member> group, CancellationToken cancellationToken)
    {
        var alike = group.ToDictionary(m => m.Submission.Id, _ => new List<long>());
        var ids = group.Select(m => m.Submission.Id).ToList();
        var bands = new List<(int InquiryId, long Key, long SubmissionId)>();
        foreach (var inquiry in group.Where(m => m.Keys.Length > 0).GroupBy(m => m.Submission.InquiryId))
        {
            var inquiryId = inquiry.Key;
            var keys = inquiry.SelectMany(m => m.Keys).Distinct().ToList();
            var found = await db.Set<CampaignBand>().AsNoTracking()
                .Where(b => b.InquiryId == inquiryId && keys.Contains(b.Key) && !ids.Contains(b.SubmissionId))
                .Select(b => new { b.Key, b.SubmissionId }).ToListAsync(cancellationToken);
            bands.AddRange(found.Select(b => (inquiryId, b.Key, b.SubmissionId)));
        }

        if (bands.Count == 0)
        {
            return alike;
        }

        var candidates = bands.Select(b => b.SubmissionId).Distinct().ToList();
        var signatures = (await db.Set<CampaignSignature>().AsNoTracking().Where(s => candidates.Contains(s.SubmissionId)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.SubmissionId, s => new TextFingerprint(MinHash.FromBytes(s.Signature), s.ShingleCount));
        var byKey = bands.ToLookup(b => (b.InquiryId, b.Key), b => b.SubmissionId);
        foreach (var member in group.Where(m => m.Keys.Length > 0))
        {
            alike[member.Submission.Id] = member.Keys.SelectMany(k => byKey[(member.Submission.InquiryId, k)]).Distinct().Order()
                .Where(id => signatures.TryGetValue(id, out var other) && TextSimilarity.Alike(member.Fingerprint, other, out _))
                .ToList();
        }

        return alike;
    }

    /// <summary>The signatures of the members that can be compared, and all their band keys in one statement.</summary>
    private async Task StoreSignaturesAsync(IReadOnlyList<Member> group, CancellationToken cancellationToken)
    {
        var comparable = group.Where(m => m.Keys.Length > 0).ToList();
        db.AddRange(comparable.Select(m => new CampaignSignature
        {
            SubmissionId = m.Submission.Id,
            InquiryId = m.Submission.InquiryId,
            Signature = MinHash.ToBytes(m.Fingerprint.Signature),
            ShingleCount = m.Fingerprint.ShingleCount,
        }));
        await CampaignBandWriter.InsertAsync(db, comparable.Select(m => (m.Submission.InquiryId, m.Submission.Id, (IReadOnlyList<long>)m.Keys)).ToList(), cancellationToken);
    }

    private async Task JoinAsync(Submission submission, CampaignMember? row, long campaignId, List<Passage> passages, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var previous = row?.CampaignId;
        row ??= rows[submission.Id] = db.Add(new CampaignMember { SubmissionId = submission.Id }).Entity;
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
        row ??= rows[submission.Id] = db.Add(new CampaignMember { SubmissionId = submission.Id }).Entity;
        row.CampaignId = campaign.Id;
        row.Origin = CampaignOrigin.Detected;
        foreach (var id in others)
        {
            rows[id] = db.Add(new CampaignMember { SubmissionId = id, CampaignId = campaign.Id, Origin = CampaignOrigin.Detected }).Entity;
        }

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
            rows.Remove(row.SubmissionId);
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
