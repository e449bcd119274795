using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Samples.Sources;

namespace EvidenceHub.Samples.Word;

/// <summary>The footnotes part, and the runs that turn a source's <c>[^n]</c> markers into footnote references.</summary>
internal sealed class WordFootnotes
{
    readonly Dictionary<string, long> ids = [];

    public WordFootnotes(MainDocumentPart main, IReadOnlyList<SourceFootnote> notes)
    {
        var footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        foreach (var note in notes)
        {
            var id = ids[note.Id] = ids.Count + 1;
            footnotes.Append(new Footnote(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                DocxSubmissionWriter.TextRun(" " + note.Text)))
            { Id = id });
        }
        main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
    }

    public List<Run> Runs(string text)
    {
        var parts = SourceDocument.SplitFootnoteMarkers(text);
        var runs = new List<Run>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                if (parts[i].Length > 0)
                {
                    runs.Add(DocxSubmissionWriter.TextRun(parts[i]));
                }
            }
            else if (ids.TryGetValue(parts[i], out var id))
            {
                runs.Add(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id }));
            }
            else
            {
                throw new InvalidDataException($"Footnote [^{parts[i]}] is referenced but not defined.");
            }
        }
        return runs;
    }
}
