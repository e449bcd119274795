using EvidenceHub.Api.Access;
using EvidenceHub.Core.Campaigns;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Campaigns;

/// <summary>
/// Reads campaigns through the caller's eyes. A campaign is made of the members the caller may see; one with
/// none does not exist for them. Its exemplar is the template's passages of its most typical visible member,
/// and a campaign no clerk has named is labelled with the exemplar's opening words — so neither can carry text
/// of a member the caller may not read.
/// </summary>
public static class CampaignReader
{
    private const int LabelWords = 8;

    public static async Task<List<CampaignDto>> ListAsync(
        EvidenceDbContext db, Caller caller, int inquiryId, IReadOnlyCollection<long>? only, CancellationToken cancellationToken)
    {
        var visible = caller.Visible(db.Submissions.AsNoTracking()).Where(s => s.InquiryId == inquiryId);
        var rows = db.Set<CampaignMember>().AsNoTracking().Where(m => m.Origin != CampaignOrigin.Excluded);
        if (only is not null)
        {
            rows = rows.Where(m => only.Contains(m.CampaignId));
        }

        var members = await rows.Join(visible, m => m.SubmissionId, s => s.Id,
                (m, s) => new { m.CampaignId, m.SubmissionId, m.Similarity, s.Reference, s.Number })
            .ToListAsync(cancellationToken);
        var campaignIds = members.Select(m => m.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var byCampaign = members.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Number).ToList());
        var representatives = byCampaign.ToDictionary(g => g.Key, g => g.Value.OrderByDescending(m => m.Similarity).ThenBy(m => m.Number).First().SubmissionId);
        var memberIds = members.Select(m => m.SubmissionId).ToList();
        var representativeIds = representatives.Values.ToList();
        var passages = (await db.Passages.AsNoTracking()
                .Where(p => memberIds.Contains(p.SubmissionId) && (p.OwnWords || representativeIds.Contains(p.SubmissionId)))
                .Select(p => new { p.Id, p.SubmissionId, p.Ordinal, p.Paragraph, p.Text, p.OwnWords })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);

        return byCampaign.Select(kv =>
        {
            var campaign = campaigns[kv.Key];
            var template = CampaignTemplate.FromBytes(campaign.TemplateShingles);
            var exemplar = passages[representatives[kv.Key]].OrderBy(p => p.Ordinal).Where(p => !p.OwnWords && template.Holds(p.Text)).Select(p => p.Text).ToList();
            var references = kv.Value.ToDictionary(m => m.SubmissionId, m => m.Reference);
            var own = kv.Value.SelectMany(m => passages[m.SubmissionId].Where(p => p.OwnWords).OrderBy(p => p.Ordinal)
                .Select(p => new OwnWordsDto(references[p.SubmissionId], p.Id, p.Ordinal, p.Paragraph, p.Text))).ToList();
            return new CampaignDto(
                campaign.Id,
                campaign.Label ?? DefaultLabel(campaign.Id, exemplar),
                kv.Value.Count,
                string.Join("\n\n", exemplar),
                kv.Value.Select(m => m.Reference).ToList(),
                Math.Round(kv.Value.Average(m => m.Similarity), 3),
                own);
        }).OrderByDescending(c => c.Size).ThenBy(c => c.Id).ToList();
    }

    /// <summary>The campaign each of these submissions is in, as the caller may read it (null: an individual response).</summary>
    public static async Task<Dictionary<long, CampaignRefDto?>> OfSubmissionsAsync(
        EvidenceDbContext db, Caller caller, int inquiryId, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<CampaignMember>().AsNoTracking()
            .Where(m => submissionIds.Contains(m.SubmissionId) && m.Origin != CampaignOrigin.Excluded)
            .ToDictionaryAsync(m => m.SubmissionId, m => m.CampaignId, cancellationToken);
        var campaigns = rows.Count == 0 ? [] : (await ListAsync(db, caller, inquiryId, rows.Values.Distinct().ToList(), cancellationToken)).ToDictionary(c => c.Id);
        return submissionIds.ToDictionary(id => id, id => rows.TryGetValue(id, out var c) && campaigns.TryGetValue(c, out var dto)
            ? new CampaignRefDto(dto.Id, dto.Label)
            : null);
    }

    /// <summary>"Campaign: The Ashdown Residents Network asks the committee to…", from the first passage of some length.</summary>
    private static string DefaultLabel(long id, IReadOnlyList<string> exemplar)
    {
        var opening = exemplar.FirstOrDefault(p => Shingles.WordCount(p) >= LabelWords) ?? exemplar.FirstOrDefault();
        if (opening is null)
        {
            return $"Campaign {id}";
        }

        var words = opening.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return "Campaign: " + string.Join(' ', words.Take(LabelWords)) + (words.Length > LabelWords ? "…" : string.Empty);
    }
}
