using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Citations;

/// <summary>
/// The one place a citation is written: <c>Local Trust (LBN0012) para 3.2</c>, <c>… p. 3</c> where the
/// document numbers no paragraphs, <c>Q45 [Simon Kaye]</c> for oral evidence, <c>[14 May 2024] transcript 45/3</c>
/// for a hearing's turn without a question number on a transcript with numbered lines, in the inquiry's
/// <see cref="CitationStyle"/> (the defaults above unless the inquiry set its own). Search hits,
/// quotes and exports all cite through here.
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
        string? Speaker,
        int? Line = null,
        DateOnly? Date = null);

    public static string Cite(Source s, CitationStyle? style = null)
    {
        style ??= CitationStyle.Default;
        string? Lookup(string name) => Value(s, name);
        if (s.Kind == SubmissionKind.Oral && (s.Question is not null || s.Speaker is not null))
        {
            if (s.Question is not null)
            {
                return CitationStyle.Render(style.Oral, Lookup);
            }

            // A hearing's turn without a question number: by transcript page and line where the page is numbered.
            if (s.Page is not null && s.Line is not null)
            {
                return CitationStyle.Render(style.Transcript, Lookup);
            }

            // A turn with a speaker but no question number: the reference stands in for the question.
            return $"{s.Reference} [{s.Speaker}]";
        }

        if (s.Paragraph is not null)
        {
            return CitationStyle.Render(style.Written, Lookup);
        }

        return s.Page is not null ? CitationStyle.Render(style.Page, Lookup) : $"{Who(s)} ({s.Reference})";
    }

    /// <summary>
    /// A quote whose submission was deleted: its reference and where it stood (<c>LBN0012 para 3.2 (source
    /// deleted)</c>), and no one's name, so an author knows what to replace.
    /// </summary>
    public static string CiteDeleted(string reference, int? page, string? paragraph, string? question)
    {
        var where = question ?? (paragraph is not null ? $"para {paragraph}"
            : page is not null ? $"p. {page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null);
        return where is null ? $"{reference} (source deleted)" : $"{reference} {where} (source deleted)";
    }

    /// <summary>Who a written citation names: "Anonymous" where asked for, else organisation, else the submitter.</summary>
    public static string Who(Source s) =>
        s.Anonymous ? "Anonymous" : string.IsNullOrWhiteSpace(s.Organisation) ? s.SubmitterName : s.Organisation;

    /// <summary>The bibliography line for a cited submission; oral sessions by their date.</summary>
    public static string BibliographyEntry(Source s, string? title, DateOnly? receivedOn)
    {
        var date = receivedOn?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (s.Kind == SubmissionKind.Oral)
        {
            return date is null ? $"{s.Reference} Oral evidence" : $"{s.Reference} Oral evidence taken on {date}";
        }

        var submitter = s.Anonymous ? "Anonymous"
            : string.IsNullOrWhiteSpace(s.Organisation) || s.Organisation == s.SubmitterName ? s.SubmitterName
            : $"{s.Organisation} ({s.SubmitterName})";
        var kind = s.Kind switch
        {
            SubmissionKind.Supplementary => "Supplementary written evidence",
            SubmissionKind.Other => "Other evidence",
            _ => "Written evidence",
        };
        return date is null ? $"{s.Reference} {submitter}: {kind}" : $"{s.Reference} {submitter}: {kind}, received {date}";
    }

    /// <summary>A placeholder's value for the source (see <see cref="CitationStyle"/>); made only when a template asks for it.</summary>
    private static string? Value(Source s, string name) => name switch
    {
        "who" => Who(s),
        "ref" => s.Reference,
        "submitter" => s.Anonymous ? "Anonymous" : s.SubmitterName,
        "organisation" => s.Anonymous ? null : s.Organisation,
        "paragraph" => s.Paragraph,
        "page" => s.Page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "question" => s.Question,
        "speaker" => s.Speaker,
        "line" => s.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "date" => s.Date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
