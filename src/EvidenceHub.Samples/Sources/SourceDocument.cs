using System.Text.RegularExpressions;

namespace EvidenceHub.Samples.Sources;

public enum SourceBlockKind { Heading, Paragraph }

/// <summary>A heading or a paragraph; <see cref="Label"/> is the author's paragraph label ("3.", "3.2", "4(a)") without the text.</summary>
public sealed record SourceBlock(SourceBlockKind Kind, string Text, string? Label = null);

/// <summary>
/// The source text of a sample document: <c># Title</c>, then blocks separated by blank lines;
/// <c>## </c> headings, labelled paragraphs, and <c>[^n]: text</c> footnotes at the end.
/// </summary>
public sealed partial record SourceDocument(string Title, IReadOnlyList<SourceBlock> Blocks, IReadOnlyList<SourceFootnote> Footnotes)
{
    public static SourceDocument Parse(string markdown)
    {
        var chunks = markdown.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (chunks.Length == 0 || !chunks[0].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new InvalidDataException("A sample source must start with a '# Title' line.");
        }

        var blocks = new List<SourceBlock>();
        var footnotes = new List<SourceFootnote>();
        foreach (var chunk in chunks.Skip(1))
        {
            if (chunk.StartsWith("## ", StringComparison.Ordinal))
            {
                blocks.Add(new SourceBlock(SourceBlockKind.Heading, chunk[3..].Trim()));
            }
            else if (chunk.Split('\n') is var lines && lines.All(line => FootnoteLine().IsMatch(line)))
            {
                footnotes.AddRange(lines.Select(line => FootnoteLine().Match(line))
                    .Select(match => new SourceFootnote(match.Groups["id"].Value, match.Groups["text"].Value.Trim())));
            }
            else
            {
                blocks.Add(Paragraph(string.Join(' ', chunk.Split('\n', StringSplitOptions.TrimEntries))));
            }
        }
        return new SourceDocument(chunks[0][2..].Trim(), blocks, footnotes);
    }

    static SourceBlock Paragraph(string text)
    {
        var match = LabelPattern().Match(text);
        return match.Success
            ? new SourceBlock(SourceBlockKind.Paragraph, match.Groups["text"].Value, match.Groups["label"].Value)
            : new SourceBlock(SourceBlockKind.Paragraph, text);
    }

    /// <summary>Splits text on footnote markers: even items are text, odd items are footnote ids.</summary>
    public static string[] SplitFootnoteMarkers(string text) => FootnoteMarker().Split(text);

    /// <summary>The text with <c>[^n]</c> markers written as <c>[n]</c>, for formats without real footnotes.</summary>
    public static string WithBracketedMarkers(string text) => FootnoteMarker().Replace(text, "[$1]");

    [GeneratedRegex(@"^(?<label>\d+(?:\.\d+)+|\d+\.|\d+\([a-z]\)|\([a-z]\))\s+(?<text>.+)$", RegexOptions.Singleline)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^\[\^(?<id>\w+)\]:\s*(?<text>.*)$")]
    private static partial Regex FootnoteLine();

    [GeneratedRegex(@"\[\^(\w+)\]")]
    private static partial Regex FootnoteMarker();
}

public sealed record SourceFootnote(string Id, string Text);
