using System.Text;

namespace EvidenceHub.Extraction.PlainText;

/// <summary>
/// UTF-8 text (with or without a byte-order mark), Markdown or reStructuredText included: paragraphs are separated
/// by blank lines (a line that starts with a paragraph label starts one too); headings are passages of their own
/// with the heading role; the markup itself (<see cref="LightMarkup"/>) is not part of any passage's text, and the
/// fields of a front-matter block are the document's metadata.
/// </summary>
public sealed class PlainTextPassageExtractor : IDocumentExtractor, ILineSource, ITextLayerSource
{
    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken) =>
        ExtractWithTextLayer(content, request, cancellationToken).Document;

    /// <summary>The text layer is the whole file, markup and all (markup has no words of its own, bar directive names).</summary>
    public TextLayerDocument ExtractWithTextLayer(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var text = Decode(content);
        return new TextLayerDocument(Passages(LightMarkup.Read(text)), [text]);
    }

    private static ExtractedDocument Passages(LightMarkup.Document markup)
    {
        var passages = new List<ExtractedPassage>();
        var current = new List<string>();

        void Flush()
        {
            if (current.Count > 0)
            {
                passages.Add(PassageBuilder.FromParagraph(string.Join(' ', current), page: null));
                current.Clear();
            }
        }

        foreach (var line in markup.Lines)
        {
            if (line.IsHeading)
            {
                Flush();
                passages.Add(new ExtractedPassage(null, null, line.Text, Role: PassageRole.Heading));
                continue;
            }

            if (line.StartsParagraph || ParagraphLabel.TrySplit(line.Text, out _, out _))
            {
                Flush();
            }

            current.Add(line.Text);
        }

        Flush();
        return new ExtractedDocument(null, passages.Where(p => p.Text.Length > 0).ToList(),
            markup.FrontMatter.Count > 0 ? markup.FrontMatter : ExtractedDocument.NoMetadata);
    }

    /// <summary>Each non-blank line without its markup; a line after a blank line starts a paragraph.</summary>
    public SourceLines ReadLines(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var markup = LightMarkup.Read(Decode(content));
        var lines = markup.Lines.Select(l => new SourceLine(null, l.Text, l.StartsParagraph, l.IsHeading)).ToList();
        return new SourceLines(null, lines, markup.FrontMatter);
    }

    public static string Decode(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        return Encoding.UTF8.GetString(span);
    }
}
