namespace EvidenceHub.Extraction;

/// <summary>
/// One line of a document in reading order, after running headers and footers are removed; the raw
/// material of the transcript parser. <paramref name="StartsParagraph"/> is true where the layout
/// (indent, gap, Word paragraph, blank line) starts a new paragraph.
/// </summary>
public sealed record SourceLine(int? Page, string Text, bool StartsParagraph);

/// <summary>A format that can hand over its text as lines (for transcripts, whose turns are found in lines).</summary>
public interface ILineSource
{
    SourceLines ReadLines(byte[] content, ExtractionRequest request, CancellationToken cancellationToken);
}

public sealed record SourceLines(int? PageCount, IReadOnlyList<SourceLine> Lines);
