namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Submissions of one inquiry that share a template letter. What the copies share is kept as shingles
/// (<see cref="CampaignTemplate"/>) and as their MinHash signature, so a new upload is compared without
/// reading the members again. The exemplar and the default label are made when read, from a member the
/// reader may see, so nothing of an unpublished member reaches the public through them.
/// </summary>
public sealed class Campaign
{
    public long Id { get; set; }

    public int InquiryId { get; set; }

    /// <summary>A clerk's name for it; null until a clerk names it (a re-run never changes it).</summary>
    public string? Label { get; set; }

    /// <summary>The template's shingles (<see cref="CampaignTemplate.ToBytes"/>).</summary>
    public byte[] TemplateShingles { get; set; } = [];

    /// <summary>The template's MinHash signature (<see cref="MinHash.ToBytes"/>).</summary>
    public byte[] TemplateSignature { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How a submission came to be in (or out of) a campaign. Detection changes only <see cref="Detected"/> rows.</summary>
public enum CampaignOrigin
{
    /// <summary>Found by detection; the next run may move it.</summary>
    Detected,

    /// <summary>Put in by a clerk (moved in, or split off): a re-run keeps it there.</summary>
    Clerk,

    /// <summary>Taken out by a clerk: an individual response, which a re-run never puts back in <see cref="CampaignMember.CampaignId"/>.</summary>
    Excluded,
}

/// <summary>A submission's place in a campaign: one row at most per submission.</summary>
public sealed class CampaignMember
{
    public long SubmissionId { get; set; }

    public long CampaignId { get; set; }

    public CampaignOrigin Origin { get; set; }

    /// <summary>Estimated Jaccard similarity of its text to the campaign's template.</summary>
    public double Similarity { get; set; }

    /// <summary>In the campaign (detected or by a clerk), not taken out of it.</summary>
    public bool IsMember => Origin != CampaignOrigin.Excluded;
}

/// <summary>A submission's stored MinHash signature, so a new upload is compared without re-reading every text.</summary>
public sealed class CampaignSignature
{
    public long SubmissionId { get; set; }

    public int InquiryId { get; set; }

    public byte[] Signature { get; set; } = [];

    public int ShingleCount { get; set; }
}

/// <summary>One band key of a stored signature: the locality-sensitive hash table, looked up by (inquiry, key).</summary>
public sealed class CampaignBand
{
    public long Id { get; set; }

    public int InquiryId { get; set; }

    public long Key { get; set; }

    public long SubmissionId { get; set; }
}
