using System.Globalization;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>A name as reference managers hold it: an organisation (or "Anonymous") whole, a person by family and given name.</summary>
public sealed record CitedName(string? Literal, string? Family, string? Given)
{
    /// <summary>The name for RIS and BibTeX: "Family, Given" for a person, the literal otherwise.</summary>
    public string Inverted => Literal ?? (Given is null ? Family! : $"{Family}, {Given}");
}

/// <summary>One cited submission as a reference-manager item: a report (written evidence) or a hearing (oral evidence).</summary>
public sealed record CitedSource(
    string Reference, bool Oral, string Genre, CitedName Author, string Title, DateOnly? Issued, string Inquiry, string Url);

/// <summary>One quote as a pinpoint citation of its source: the footnote it sits in, the locator and its CSL label.</summary>
public sealed record PinpointCitation(long QuoteId, int NoteIndex, string Reference, string Locator, string Label, string Text);

/// <summary>
/// The citation data of an export (CSL-JSON, RIS, BibTeX): one item per cited submission and one pinpoint
/// citation per quote, in footnote order. An anonymous submitter is "Anonymous", and the title of their
/// submission is not theirs (a title often names the submitter); a deleted submission is not cited.
/// </summary>
public sealed record CitationData(IReadOnlyList<CitedSource> Sources, IReadOnlyList<PinpointCitation> Citations)
{
    public static CitationData From(QuoteExport export, IReadOnlyDictionary<int, string> inquiryTitles, Func<string, string> urlOf)
    {
        var quotes = export.Sections.SelectMany(s => s.Quotes).ToList();
        var sources = quotes.Select(q => q.Submission).OfType<Submission>().DistinctBy(s => s.Id)
            .OrderBy(s => s.Reference, StringComparer.Ordinal)
            .Select(s => Source(s, inquiryTitles.GetValueOrDefault(s.InquiryId) ?? s.Reference[..^4], urlOf(s.Reference)))
            .ToList();
        var citations = quotes.Select((q, i) => (Quote: q, Note: i + 1)).Where(x => !x.Quote.SourceDeleted)
            .Select(x => Pinpoint(x.Quote.Quote, x.Note)).ToList();
        return new CitationData(sources, citations);
    }

    private static CitedSource Source(Submission s, string inquiry, string url)
    {
        var oral = s.Kind == SubmissionKind.Oral;
        var genre = s.Kind switch
        {
            SubmissionKind.Oral => "Oral evidence",
            SubmissionKind.Supplementary => "Supplementary written evidence",
            SubmissionKind.Other => "Other evidence",
            _ => "Written evidence",
        };
        var title = s.Anonymous || string.IsNullOrWhiteSpace(s.Title) ? $"{genre} {s.Reference}" : s.Title.Trim();
        return new CitedSource(s.Reference, oral, genre, Author(s), title, s.ReceivedOn, inquiry, url);
    }

    private static CitedName Author(Submission s)
    {
        if (s.Anonymous)
        {
            return new CitedName("Anonymous", null, null);
        }

        if (!string.IsNullOrWhiteSpace(s.Organisation))
        {
            return new CitedName(s.Organisation.Trim(), null, null);
        }

        var parts = s.SubmitterName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? new CitedName(s.SubmitterName.Trim(), null, null) : new CitedName(null, parts[^1], string.Join(' ', parts[..^1]));
    }

    /// <summary>
    /// Paragraph and page are CSL labels of their own. CSL has no label for a question of oral evidence: it is
    /// cited as a <c>section</c>, <c>Q45 [Simon Kaye]</c>, as a committee report prints it.
    /// </summary>
    private static PinpointCitation Pinpoint(Quote q, int note)
    {
        var (locator, label) = q.Question is not null ? (q.Speaker is null ? q.Question : $"{q.Question} [{q.Speaker}]", "section")
            : q.Paragraph is not null ? (q.Paragraph, "paragraph")
            : q.Page is not null ? (q.Page.Value.ToString(CultureInfo.InvariantCulture), "page")
            : q.Speaker is not null ? ($"[{q.Speaker}]", "section")
            : ($"passage {q.PassageOrdinal.ToString(CultureInfo.InvariantCulture)}", "section");
        return new PinpointCitation(q.Id, note, q.Reference, locator, label, q.Text);
    }
}
