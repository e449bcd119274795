namespace EvidenceHub.Extraction;

/// <summary>
/// One line of a document in reading order, after running headers and footers are removed; the raw
/// material of the transcript parser. <paramref name="StartsParagraph"/> is true where the layout
/// (indent, gap, Word paragraph, blank line) starts a new paragraph. <paramref name="IsHeading"/> marks a line the
/// format shows as a heading (a Markdown or reStructuredText heading, a Word heading style).
/// </summary>
public sealed record SourceLine(int? Page, string Text, bool StartsParagraph, bool IsHeading = false);

/// <summary>A format that can hand over its text as lines (for transcripts, whose turns are found in lines).</summary>
public interface ILineSource
{
    SourceLines ReadLines(byte[] content, ExtractionRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A document's lines; <paramref name="FrontMatter"/> holds the fields of a Markdown (YAML) or reStructuredText
/// field-list block at its top (<c>chair: Lady Hallett</c>), keys in lower case.
/// </summary>
public sealed record SourceLines(int? PageCount, IReadOnlyList<SourceLine> Lines, IReadOnlyDictionary<string, string>? FrontMatter = null);

/// <summary>
/// A document with the text layer it was read from (the words that coverage is measured against), and the page
/// furniture (running heads, page numbers) its reading deliberately left out.
/// </summary>
public sealed record TextLayerDocument(ExtractedDocument Document, IReadOnlyList<string> TextLayer)
{
    public IReadOnlyList<string> Furniture { get; init; } = [];
}

/// <summary>A format that can say what its text layer was, beside its passages.</summary>
public interface ITextLayerSource
{
    TextLayerDocument ExtractWithTextLayer(byte[] content, ExtractionRequest request, CancellationToken cancellationToken);
}
