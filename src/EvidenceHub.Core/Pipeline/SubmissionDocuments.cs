using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Turns a submission and its passages into the documents the index holds.</summary>
public static class SubmissionDocuments
{
    /// <param name="s">The submission whose metadata every document carries.</param>
    /// <param name="inquiryPrefix">Its inquiry's prefix (<c>LBN</c>).</param>
    /// <param name="passages">Its passages, one document each.</param>
    /// <param name="themes">Theme names by passage id (see <see cref="Themes.ThemeAssignment"/>); a passage not in it has none.</param>
    /// <param name="campaignId">The campaign the submission is a member of; null for an individual response.</param>
    public static IEnumerable<PassageDocument> For(
        Submission s, string inquiryPrefix, IEnumerable<Passage> passages, IReadOnlyDictionary<long, IReadOnlyList<string>>? themes = null, long? campaignId = null) =>
        passages.Select(p => new PassageDocument(
            p.Id,
            s.Id,
            s.Reference,
            inquiryPrefix,
            s.Kind.ToCode(),
            s.Category?.ToCode(),
            s.SubmitterName,
            s.Organisation,
            s.Anonymous,
            s.ReceivedOn,
            s.Publication.ToCode(),
            s.Title,
            p.Ordinal,
            p.Page,
            p.Paragraph,
            p.Question,
            p.Speaker,
            p.Text,
            themes is not null && themes.TryGetValue(p.Id, out var names) ? names : [],
            p.LineStart)
        {
            Campaign = campaignId,
            OwnWords = campaignId is not null && p.OwnWords,
        });
}
