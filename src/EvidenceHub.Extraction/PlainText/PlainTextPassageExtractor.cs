using System.Text;

namespace EvidenceHub.Extraction.PlainText;

/// <summary>UTF-8 text (with or without a byte-order mark); paragraphs are separated by blank lines.</summary>
public sealed class PlainTextPassageExtractor : IDocumentExtractor
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
        foreach (var raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
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
}
