using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Drafts;

/// <summary>
/// The draft back, unchanged but for a Word comment on each finding: what was found, where the words
/// really are, and the footnote to use instead. The author reviews the comments in Word as any other.
/// </summary>
public static class DraftCommentWriter
{
    public const string Author = "EvidenceHub";

    public static byte[] Write(byte[] draftBytes, DraftReport report, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        stream.Write(draftBytes);
        stream.Position = 0;
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var draft = WordDraft.Read(document);
            var main = document.MainDocumentPart!;
            var part = main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>();
            part.Comments ??= new Comments();
            var next = part.Comments.Elements<Comment>().Select(c => int.TryParse(c.Id?.Value, out var id) ? id + 1 : 0).DefaultIfEmpty(0).Max();
            foreach (var finding in report.Findings)
            {
                var paragraph = draft.Paragraphs[finding.Quotation.Paragraph];
                var runs = paragraph.Runs.Where(r => r.End > finding.Quotation.Start - 1 && r.Start <= finding.Quotation.End).ToList();
                if (runs.Count == 0)
                {
                    continue;
                }

                var id = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                part.Comments.Append(new Comment(Lines(finding).Select(line => new Paragraph(new Run(new Text(line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))))
                {
                    Id = id,
                    Author = Author,
                    Initials = "EH",
                    Date = now.UtcDateTime,
                });
                runs[0].Run.InsertBeforeSelf(new CommentRangeStart { Id = id });
                var end = runs[^1].Run.InsertAfterSelf(new CommentRangeEnd { Id = id });
                end.InsertAfterSelf(new Run(new CommentReference { Id = id }));
            }

            part.Comments.Save();
            main.Document!.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The comment's lines: the finding, then the suggested footnote, the diff and the evidence's own words.</summary>
    public static IEnumerable<string> Lines(DraftFinding finding)
    {
        yield return $"{Label(finding.Status)}: {finding.Explanation}";
        if (finding.Suggestion is not null)
        {
            yield return $"Suggested footnote: {finding.Suggestion}.";
        }

        if (finding.Diff is not null)
        {
            yield return $"Changes ([-evidence-] {{+draft+}}): {finding.Diff}";
        }

        if (finding.Source is not null)
        {
            yield return $"The evidence reads: \u201C{finding.Source}\u201D";
        }
    }

    public static string Label(DraftFindingStatus status) => status switch
    {
        DraftFindingStatus.Verbatim => "Verbatim",
        DraftFindingStatus.WrongLocation => "Wrong location",
        DraftFindingStatus.NotVerbatim => "Not verbatim",
        DraftFindingStatus.NotFound => "Not found",
        DraftFindingStatus.UnpublishedSource => "Unpublished source",
        DraftFindingStatus.NamesAnonymous => "Names an anonymous submitter",
        _ => status.ToCode(),
    };
}
