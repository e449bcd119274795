namespace EvidenceHub.Api.Campaigns;

/// <summary>
/// A campaign as the caller may read it: only members the caller may see are counted, listed or quoted, and the
/// exemplar (the template's text) is taken from one of them.
/// </summary>
public sealed record CampaignDto(
    long Id,
    string Label,
    int Size,
    string Exemplar,
    IReadOnlyList<string> Members,
    double Similarity,
    IReadOnlyList<OwnWordsDto> OwnWords);

/// <summary>A passage a member added to the template: its own words.</summary>
public sealed record OwnWordsDto(string Reference, long PassageId, int Ordinal, string? Paragraph, string Text);

public sealed record CampaignListDto(IReadOnlyList<CampaignDto> Items);

/// <summary>The campaign a submission's record names.</summary>
public sealed record CampaignRefDto(long Id, string Label);

public sealed record CampaignLabelRequest(string? Label);

public sealed record CampaignSplitRequest(IReadOnlyList<string>? Members, string? Label);
