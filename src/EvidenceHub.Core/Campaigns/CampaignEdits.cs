using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Campaigns;

public enum CampaignEditStatus
{
    Done,
    CampaignNotFound,
    SubmissionNotFound,
    Invalid,
}

/// <summary>What a clerk's change to a campaign came to: done (with the campaign it left), or why not.</summary>
public sealed record CampaignEditResult(CampaignEditStatus Status, string? Problem = null, long? CampaignId = null)
{
    public static CampaignEditResult Invalid(string problem) => new(CampaignEditStatus.Invalid, problem);
}

/// <summary>
/// A clerk's decisions about campaigns: rename one, move a submission in or out, split some members off into a
/// campaign of their own. Each is recorded as the clerk's (<see cref="CampaignOrigin.Clerk"/>,
/// <see cref="CampaignOrigin.Excluded"/>, <see cref="Campaign.Label"/>), so detection — a new upload, a
/// whole-inquiry re-run — keeps it. Templates and own words are rebuilt in the same transaction, and the
/// decision is written to the audit log in it too, like a clerk's other actions.
/// </summary>
public sealed class CampaignEdits(EvidenceDbContext db, TimeProvider clock, AuditLog audit)
{
    public const int MaxLabelLength = 200;

    public Task<CampaignEditResult> RenameAsync(long campaignId, string? label, Actor actor, CancellationToken cancellationToken) =>
        InCampaignAsync(campaignId, async campaign =>
        {
            var trimmed = label?.Trim();
            if (trimmed is { Length: > MaxLabelLength })
            {
                return CampaignEditResult.Invalid($"A label is at most {MaxLabelLength} characters; this one has {trimmed.Length}.");
            }

            var from = campaign.Label;
            campaign.Label = string.IsNullOrEmpty(trimmed) ? null : trimmed;
            campaign.UpdatedAt = clock.GetUtcNow();
            await AuditAsync(actor, AuditActions.CampaignRenamed, campaign, null,
                $"campaign {campaign.Id}: {from ?? "(detected label)"} → {campaign.Label ?? "(detected label)"}", cancellationToken);
            return new CampaignEditResult(CampaignEditStatus.Done, CampaignId: campaign.Id);
        }, cancellationToken);

    /// <summary>Puts a submission of the campaign's inquiry in it, out of any other campaign.</summary>
    public Task<CampaignEditResult> AddAsync(long campaignId, long submissionId, Actor actor, CancellationToken cancellationToken) =>
        InCampaignAsync(campaignId, async campaign =>
        {
            if (!await db.Submissions.AnyAsync(s => s.Id == submissionId && s.InquiryId == campaign.InquiryId, cancellationToken))
            {
                return new CampaignEditResult(CampaignEditStatus.SubmissionNotFound);
            }

            var row = await db.Set<CampaignMember>().FirstOrDefaultAsync(m => m.SubmissionId == submissionId, cancellationToken);
            var previous = row is { IsMember: true } && row.CampaignId != campaign.Id ? row.CampaignId : (long?)null;
            row ??= db.Add(new CampaignMember { SubmissionId = submissionId }).Entity;
            row.CampaignId = campaign.Id;
            row.Origin = CampaignOrigin.Clerk;
            await AuditAsync(actor, AuditActions.CampaignMemberAdded, campaign, submissionId,
                previous is null ? $"into campaign {campaign.Id}" : $"into campaign {campaign.Id}, out of campaign {previous}", cancellationToken);
            await RebuildAsync(campaign, previous, cancellationToken);
            return new CampaignEditResult(CampaignEditStatus.Done, CampaignId: campaign.Id);
        }, cancellationToken);

    /// <summary>Takes a member out: an individual response from now on, which detection does not put back.</summary>
    public Task<CampaignEditResult> RemoveAsync(long campaignId, long submissionId, Actor actor, CancellationToken cancellationToken) =>
        InCampaignAsync(campaignId, async campaign =>
        {
            var row = await db.Set<CampaignMember>().FirstOrDefaultAsync(m => m.SubmissionId == submissionId && m.CampaignId == campaign.Id, cancellationToken);
            if (row is not { IsMember: true })
            {
                return new CampaignEditResult(CampaignEditStatus.SubmissionNotFound, "It is not a member of this campaign.");
            }

            row.Origin = CampaignOrigin.Excluded;
            await AuditAsync(actor, AuditActions.CampaignMemberRemoved, campaign, submissionId, $"out of campaign {campaign.Id}: an individual response", cancellationToken);
            await CampaignTemplates.ClearOwnWordsAsync(db, submissionId, cancellationToken);
            await RebuildAsync(campaign, null, cancellationToken);
            return new CampaignEditResult(CampaignEditStatus.Done, CampaignId: campaign.Id);
        }, cancellationToken);

    /// <summary>Moves some members into a new campaign of their own; answers with the new campaign's id.</summary>
    public Task<CampaignEditResult> SplitAsync(long campaignId, IReadOnlyCollection<long> submissionIds, string? label, Actor actor, CancellationToken cancellationToken) =>
        InCampaignAsync(campaignId, async campaign =>
        {
            var rows = await db.Set<CampaignMember>()
                .Where(m => m.CampaignId == campaign.Id && m.Origin != CampaignOrigin.Excluded && submissionIds.Contains(m.SubmissionId))
                .ToListAsync(cancellationToken);
            if (submissionIds.Count == 0 || rows.Count != submissionIds.Count)
            {
                return CampaignEditResult.Invalid("Name one or more members of this campaign to split off; every one must be a member of it.");
            }

            var now = clock.GetUtcNow();
            var split = db.Add(new Campaign { InquiryId = campaign.InquiryId, Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(), CreatedAt = now, UpdatedAt = now }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in rows)
            {
                row.CampaignId = split.Id;
                row.Origin = CampaignOrigin.Clerk;
            }

            await AuditAsync(actor, AuditActions.CampaignSplit, campaign, null,
                $"{rows.Count} members of campaign {campaign.Id} split off into campaign {split.Id}: {string.Join(", ", await ReferencesAsync(rows.Select(r => r.SubmissionId), cancellationToken))}", cancellationToken);

            await RebuildAsync(campaign, split.Id, cancellationToken);
            return new CampaignEditResult(CampaignEditStatus.Done, CampaignId: split.Id);
        }, cancellationToken);

    /// <summary>Stages the audit entry in the edit's transaction: it commits with the decision or not at all.</summary>
    private async Task AuditAsync(Actor actor, string action, Campaign campaign, long? submissionId, string detail, CancellationToken cancellationToken)
    {
        var prefix = await db.Inquiries.Where(i => i.Id == campaign.InquiryId).Select(i => i.Prefix).FirstAsync(cancellationToken);
        var reference = submissionId is { } id
            ? await db.Submissions.Where(s => s.Id == id).Select(s => s.Reference).FirstAsync(cancellationToken)
            : null;
        audit.Add(actor, action, prefix, reference, detail);
    }

    private async Task<List<string>> ReferencesAsync(IEnumerable<long> submissionIds, CancellationToken cancellationToken)
    {
        var ids = submissionIds.ToList();
        return (await db.Submissions.Where(s => ids.Contains(s.Id)).Select(s => s.Reference).ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
    }

    private async Task RebuildAsync(Campaign campaign, long? other, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await CampaignTemplates.RebuildAsync(db, campaign, cancellationToken);
        if (other is { } id && await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } second)
        {
            await CampaignTemplates.RebuildAsync(db, second, cancellationToken);
        }
    }

    /// <summary>Runs an edit in one transaction under the inquiry's campaign lock.</summary>
    private async Task<CampaignEditResult> InCampaignAsync(long campaignId, Func<Campaign, Task<CampaignEditResult>> edit, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var inquiryId = await db.Set<Campaign>().Where(c => c.Id == campaignId).Select(c => (int?)c.InquiryId).FirstOrDefaultAsync(cancellationToken);
            if (inquiryId is null)
            {
                return new CampaignEditResult(CampaignEditStatus.CampaignNotFound);
            }

            await InquiryLock.TakeAsync(db, inquiryId.Value, cancellationToken);
            var campaign = await db.Set<Campaign>().FirstAsync(c => c.Id == campaignId, cancellationToken);
            var result = await edit(campaign);
            if (result.Status != CampaignEditStatus.Done)
            {
                return result;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}
