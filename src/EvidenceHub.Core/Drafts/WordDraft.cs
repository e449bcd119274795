using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EvidenceHub.Core.Drafts;

/// <summary>
/// The text of a Word draft as the checker reads it: each body paragraph (tables included) with the runs
/// its characters came from and where its footnote references stand, and the text of each footnote.
/// Reading the same file twice gives the same paragraphs in the same order, so the comment writer can
/// find again what the checker found.
/// </summary>
public sealed class WordDraft
{
    /// <summary>A run's share of its paragraph's text: characters [Start, End).</summary>
    public sealed record RunSpan(Run Run, int Start, int End);

    /// <summary>A footnote reference at this offset of the paragraph text.</summary>
    public sealed record FootnoteMark(long FootnoteId, int At);

    public sealed record DraftParagraph(int Index, Paragraph Element, string Text, string? StyleId, IReadOnlyList<RunSpan> Runs, IReadOnlyList<FootnoteMark> Footnotes);

    private WordDraft(IReadOnlyList<DraftParagraph> paragraphs, IReadOnlyDictionary<long, string> footnotes) =>
        (Paragraphs, Footnotes) = (paragraphs, footnotes);

    public IReadOnlyList<DraftParagraph> Paragraphs { get; }

    /// <summary>Each real footnote's text by id (not the separators).</summary>
    public IReadOnlyDictionary<long, string> Footnotes { get; }

    /// <summary>Reads an open document; throws <see cref="OpenXmlPackageException"/> or <see cref="InvalidDataException"/> for a file that is not Word.</summary>
    public static WordDraft Read(WordprocessingDocument document)
    {
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The file has no document body.");
        var paragraphs = body.Descendants<Paragraph>().Select((p, i) => ReadParagraph(i, p)).ToList();
        var footnotes = new Dictionary<long, string>();
        foreach (var note in document.MainDocumentPart!.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
        {
            if (note.Id?.Value is { } id && (note.Type is null || note.Type.Value == FootnoteEndnoteValues.Normal))
            {
                footnotes[id] = string.Join(" ", note.Descendants<Paragraph>().Select(p => ReadParagraph(0, p).Text)).Trim();
            }
        }

        return new WordDraft(paragraphs, footnotes);
    }

    private static DraftParagraph ReadParagraph(int index, Paragraph paragraph)
    {
        var text = new StringBuilder();
        var runs = new List<RunSpan>();
        var marks = new List<FootnoteMark>();
        // Runs nested in another paragraph (a text box) belong to that paragraph, not this one.
        foreach (var run in paragraph.Descendants<Run>().Where(r => r.Ancestors<Paragraph>().First() == paragraph))
        {
            var start = text.Length;
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        text.Append(' ');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case FootnoteReference f when f.Id?.Value is { } id:
                        marks.Add(new FootnoteMark(id, text.Length));
                        break;
                }
            }

            runs.Add(new RunSpan(run, start, text.Length));
        }

        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        return new DraftParagraph(index, paragraph, text.ToString(), style, runs, marks);
    }

    /// <summary>Reads Word bytes, or says in plain words why they are not a Word document (null then).</summary>
    public static WordDraft? TryRead(byte[] bytes, out string? problem)
    {
        problem = null;
        try
        {
            if (DeclaredSize(bytes) > MaxUnpackedBytes)
            {
                problem = "The Word file would unpack to far more than any report; it was not opened.";
                return null;
            }

            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes });
            return Read(document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            problem = "The file is not a Word document (.docx) that can be read: save the draft from Word as .docx and send it again.";
            return null;
        }
    }

    // A 40-page report is a few hundred kilobytes of XML; this bounds a decompression bomb before it is inflated.
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static long DeclaredSize(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }
}
