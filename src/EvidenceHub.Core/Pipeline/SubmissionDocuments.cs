using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;

namespace EvidenceHub.Core.Pipeline;

/// <summary>Turns a submission and its passages into the documents the index holds.</summary>
public static class SubmissionDocuments
{
    public static IEnumerable<PassageDocument> For(Submission s, string inquiryPrefix, IEnumerable<Passage> passages) =>
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
            []));
}
