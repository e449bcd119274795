using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Rebuilds a campaign's template from its members' passages and marks each member's own words; the caller
/// saves (in its transaction). A campaign left without members is removed.
/// </summary>
public static class CampaignTemplates
{
    /// <summary>Below this many members, a new member rebuilds the template (cheap, and a young template learns from every copy).</summary>
    public const int RebuildBelow = 6;

    public static async Task RebuildAsync(EvidenceDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var members = await db.Set<CampaignMember>().Where(m => m.CampaignId == campaign.Id && m.Origin != CampaignOrigin.Excluded)
            .ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.SubmissionId).ToList();
        var passages = (await db.Passages.Where(p => memberIds.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);
        Apply(campaign, members, id => passages[id].OrderBy(p => p.Ordinal).ToList());
        if (members.Count == 0)
        {
            db.Remove(campaign);
        }
    }

    /// <summary>The template of these members (whose passages are tracked), their own words and their similarity to it.</summary>
    public static void Apply(Campaign campaign, IReadOnlyList<CampaignMember> members, Func<long, IReadOnlyList<Submissions.Passage>> passagesOf)
    {
        var texts = members.Select(m => (IReadOnlyList<string>)passagesOf(m.SubmissionId).Select(p => p.Text).ToList()).ToList();
        var template = CampaignTemplate.Build(texts);
        var signature = template.Signature();
        campaign.TemplateShingles = template.ToBytes();
        campaign.TemplateSignature = MinHash.ToBytes(signature);
        for (var i = 0; i < members.Count; i++)
        {
            var own = passagesOf(members[i].SubmissionId);
            foreach (var passage in own)
            {
                passage.OwnWords = template.IsOwnWords(passage.Text);
            }

            members[i].Similarity = Math.Round(MinHash.Jaccard(TextFingerprint.Of(texts[i]).Signature, signature), 3);
        }
    }

    /// <summary>Marks one member's own words against the stored template and returns its similarity to it.</summary>
    public static double MarkMember(Campaign campaign, IReadOnlyList<Submissions.Passage> passages, TextFingerprint fingerprint)
    {
        var template = CampaignTemplate.FromBytes(campaign.TemplateShingles);
        foreach (var passage in passages)
        {
            passage.OwnWords = template.IsOwnWords(passage.Text);
        }

        return Math.Round(MinHash.Jaccard(fingerprint.Signature, MinHash.FromBytes(campaign.TemplateSignature)), 3);
    }

    /// <summary>A submission that is no campaign's member has no own words to tell apart.</summary>
    public static async Task ClearOwnWordsAsync(EvidenceDbContext db, long submissionId, CancellationToken cancellationToken)
    {
        foreach (var passage in await db.Passages.Where(p => p.SubmissionId == submissionId && p.OwnWords).ToListAsync(cancellationToken))
        {
            passage.OwnWords = false;
        }
    }
}
