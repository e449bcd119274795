using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Citations;

/// <summary>
/// The citation a report author pastes into a footnote: <c>Local Trust (LBN0012) para 3.2</c>,
/// <c>p. 3</c> where the document numbers no paragraphs, <c>Q45 [Simon Kaye]</c> for oral evidence.
/// </summary>
public static class CitationFormatter
{
    public sealed record Source(
        string Reference,
        SubmissionKind Kind,
        string SubmitterName,
        string? Organisation,
        bool Anonymous,
        int? Page,
        string? Paragraph,
        string? Question,
        string? Speaker);

    public static string Cite(Source s)
    {
        if (s.Kind == SubmissionKind.Oral && (s.Question is not null || s.Speaker is not null))
        {
            var speaker = s.Speaker is null ? string.Empty : $" [{s.Speaker}]";
            return s.Question is null ? $"{s.Reference}{speaker}" : $"{s.Question}{speaker}";
        }

        var who = s.Anonymous ? "Anonymous" : string.IsNullOrWhiteSpace(s.Organisation) ? s.SubmitterName : s.Organisation;
        var where = s.Paragraph is not null ? $" para {s.Paragraph}" : s.Page is not null ? $" p. {s.Page}" : string.Empty;
        return $"{who} ({s.Reference}){where}";
    }
}
