using System.Text;

namespace EvidenceHub.Extraction.PlainText;

/// <summary>UTF-8 text (with or without a byte-order mark); paragraphs are separated by blank lines.</summary>
public sealed class PlainTextPassageExtractor : IDocumentExtractor, ILineSource
{
    public ExtractedDocument Extract(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var text = Decode(content);
        var passages = SplitParagraphs(text)
            .Select(p => PassageBuilder.FromParagraph(p, page: null))
            .Where(p => p.Text.Length > 0)
            .ToList();
        return new ExtractedDocument(null, passages, ExtractedDocument.NoMetadata);
    }

    /// <summary>Each non-blank line; a line after a blank line starts a paragraph.</summary>
    public SourceLines ReadLines(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var lines = new List<SourceLine>();
        var afterBlank = true;
        foreach (var raw in SplitLines(Decode(content)))
        {
            var line = TextNormalizer.Clean(raw);
            if (line.Length == 0)
            {
                afterBlank = true;
                continue;
            }

            lines.Add(new SourceLine(null, line, afterBlank));
            afterBlank = false;
        }

        return new SourceLines(null, lines);
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

    /// <summary>Blank lines separate paragraphs; a line that starts with a paragraph label starts one too.</summary>
    public static IEnumerable<string> SplitParagraphs(string text)
    {
        var current = new List<string>();
        foreach (var raw in SplitLines(text))
        {
            var line = raw.Trim();
            var startsLabelled = ParagraphLabel.TrySplit(line, out _, out _);
            if ((line.Length == 0 || startsLabelled) && current.Count > 0)
            {
                yield return string.Join(' ', current);
                current.Clear();
            }

            if (line.Length > 0)
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
}
