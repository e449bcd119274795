using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Detection over a whole inquiry at once (<see cref="CampaignClustering"/>), which an upload-by-upload run cannot
/// see: two campaigns that should be one, copies that arrived before there were enough to call them a campaign.
/// Stored signatures are used as they are (a submission without one is read and gets one). A clerk's decisions
/// stay: members put in by a clerk stay in their campaign, submissions taken out stay out, labels stay. A group
/// found again keeps the id of the campaign most of its members were in.
/// </summary>
public sealed class CampaignRerun(EvidenceDbContext db, TimeProvider clock)
{
    /// <summary>Returns how many campaigns the inquiry has afterwards.</summary>
    public async Task<int> RunAsync(int inquiryId, CancellationToken cancellationToken)
    {
        var signatures = await SignaturesAsync(inquiryId, cancellationToken);
        var ids = signatures.Keys.ToList();
        var groups = CampaignClustering.Cluster(ids.Select(id => signatures[id]).ToList());

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await InquiryLock.TakeAsync(db, inquiryId, cancellationToken);
            var campaigns = await db.Set<Campaign>().Where(c => c.InquiryId == inquiryId).ToDictionaryAsync(c => c.Id, cancellationToken);
            var campaignIds = campaigns.Keys.ToList();
            var rows = await db.Set<CampaignMember>().Where(m => campaignIds.Contains(m.CampaignId)).ToDictionaryAsync(m => m.SubmissionId, cancellationToken);
            var found = new HashSet<long>();
            foreach (var group in Enumerable.Range(0, ids.Count).Where(i => groups[i] >= 0).GroupBy(i => groups[i]))
            {
                var members = group.Select(i => ids[i]).Where(id => rows.GetValueOrDefault(id)?.Origin is null or CampaignOrigin.Detected).ToList();
                var campaign = Match(members, rows, campaigns, found) ?? await NewAsync(inquiryId, campaigns, cancellationToken);
                found.Add(campaign.Id);
                foreach (var id in members)
                {
                    var row = rows.GetValueOrDefault(id) ?? (rows[id] = db.Add(new CampaignMember { SubmissionId = id }).Entity);
                    row.CampaignId = campaign.Id;
                    row.Origin = CampaignOrigin.Detected;
                }
            }

            var grouped = ids.Where((_, i) => groups[i] >= 0).ToHashSet();
            foreach (var row in rows.Values.Where(r => r.Origin == CampaignOrigin.Detected && !grouped.Contains(r.SubmissionId)))
            {
                db.Remove(row);
                await CampaignTemplates.ClearOwnWordsAsync(db, row.SubmissionId, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var campaign in campaigns.Values)
            {
                await CampaignTemplates.RebuildAsync(db, campaign, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await db.Set<Campaign>().CountAsync(c => c.InquiryId == inquiryId, cancellationToken);
        });
    }

    /// <summary>The existing campaign most of the group was in (detected or by a clerk), not yet taken by another group.</summary>
    private static Campaign? Match(List<long> members, Dictionary<long, CampaignMember> rows, Dictionary<long, Campaign> campaigns, HashSet<long> taken) =>
        members.Select(id => rows.GetValueOrDefault(id)).Where(r => r is { IsMember: true } && !taken.Contains(r.CampaignId))
            .GroupBy(r => r!.CampaignId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => campaigns[g.Key]).FirstOrDefault();

    private async Task<Campaign> NewAsync(int inquiryId, Dictionary<long, Campaign> campaigns, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var campaign = db.Add(new Campaign { InquiryId = inquiryId, CreatedAt = now, UpdatedAt = now }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        campaigns[campaign.Id] = campaign;
        return campaign;
    }

    /// <summary>Every comparable written submission's signature; those without one (processed before campaigns existed) are read now and stored.</summary>
    private async Task<Dictionary<long, TextFingerprint>> SignaturesAsync(int inquiryId, CancellationToken cancellationToken)
    {
        var eligible = await db.Submissions.AsNoTracking()
            .Where(s => s.InquiryId == inquiryId && s.Kind != SubmissionKind.Oral && s.Status == ProcessingStatus.Indexed)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var stored = await db.Set<CampaignSignature>().AsNoTracking().Where(s => s.InquiryId == inquiryId)
            .ToDictionaryAsync(s => s.SubmissionId, s => new TextFingerprint(MinHash.FromBytes(s.Signature), s.ShingleCount), cancellationToken);
        var missing = eligible.Where(id => !stored.ContainsKey(id)).ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            var passages = (await db.Passages.AsNoTracking().Where(p => chunk.Contains(p.SubmissionId)).Select(p => new { p.SubmissionId, p.Ordinal, p.Text })
                .ToListAsync(cancellationToken)).ToLookup(p => p.SubmissionId);
            foreach (var id in chunk)
            {
                var fingerprint = TextFingerprint.Of(passages[id].OrderBy(p => p.Ordinal).Select(p => p.Text));
                stored[id] = fingerprint;
                if (fingerprint.Comparable)
                {
                    db.Add(new CampaignSignature { SubmissionId = id, InquiryId = inquiryId, Signature = MinHash.ToBytes(fingerprint.Signature), ShingleCount = fingerprint.ShingleCount });
                    db.AddRange(MinHash.BandKeys(fingerprint.Signature).Select(k => new CampaignBand { InquiryId = inquiryId, Key = k, SubmissionId = id }));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var eligibleSet = eligible.ToHashSet();
        return stored.Where(kv => eligibleSet.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}

/// <summary>The whole-inquiry re-run as a background job: takes the inquiry's id, may run twice.</summary>
[Hangfire.AutomaticRetry(Attempts = 3, OnAttemptsExceeded = Hangfire.AttemptsExceededAction.Fail)]
public sealed class DetectCampaignsJob(CampaignRerun rerun, Pipeline.ImmediateIndexUpdate indexNow)
{
    public async Task RunAsync(int inquiryId, CancellationToken cancellationToken)
    {
        await rerun.RunAsync(inquiryId, cancellationToken);
        await indexNow.ApplyAsync();
    }
}
