using System.Text;
using EvidenceHub.Samples.Sources;

namespace EvidenceHub.Samples;

/// <summary>Plain UTF-8 text: the title, then paragraphs separated by blank lines, labels typed, notes at the end.</summary>
internal static class TextSubmissionWriter
{
    public static byte[] Write(SourceDocument source)
    {
        var text = new StringBuilder();
        text.Append(source.Title).Append("\n\n");
        foreach (var block in source.Blocks)
        {
            var body = SourceDocument.WithBracketedMarkers(block.Text);
            text.Append(block.Label is null ? body : $"{block.Label} {body}").Append("\n\n");
        }
        if (source.Footnotes.Count > 0)
        {
            text.Append("Notes\n\n");
            foreach (var note in source.Footnotes)
            {
                text.Append($"[{note.Id}] {note.Text}\n\n");
            }
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString().TrimEnd() + "\n");
    }
}
