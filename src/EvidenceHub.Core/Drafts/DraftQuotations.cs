namespace EvidenceHub.Core.Drafts;

/// <summary>
/// A quotation in a draft: its words, the paragraph and characters where it stands, and the citation that
/// goes with it — the first footnote after it (before the next quotation), or a bracketed citation right
/// after it, or none.
/// </summary>
public sealed record DraftQuotation(int Number, string Text, int Paragraph, int Start, int End, string? Cited, long? FootnoteId, IReadOnlyList<CitedEvidence> Citations);

/// <summary>
/// Finds the quotations of a draft: words in double quotation marks (curly or straight) that are either
/// cited to evidence or at least <see cref="MinUncitedWords"/> words long (shorter uncited ones are scare
/// quotes or titles), and paragraphs in a quotation style (Word's Quote and Intense Quote, a block
/// quotation), whole.
/// </summary>
public static class DraftQuotations
{
    public const int MinUncitedWords = 5;

    // A bracketed citation counts when it starts within this many characters of the closing mark.
    private const int InlineReach = 12;

    public static List<DraftQuotation> Find(WordDraft draft, CitedEvidenceReader reader)
    {
        var found = new List<DraftQuotation>();
        foreach (var paragraph in draft.Paragraphs)
        {
            var spans = IsQuotationStyle(paragraph.StyleId) ? [BlockSpan(paragraph.Text)] : MarkedSpans(paragraph.Text);
            for (var i = 0; i < spans.Count; i++)
            {
                var (start, end) = spans[i];
                if (end - start < 2)
                {
                    continue;
                }

                var text = paragraph.Text[start..end].Trim();
                var limit = i + 1 < spans.Count ? spans[i + 1].Start : paragraph.Text.Length;
                var (cited, footnote) = CitationAfter(draft, paragraph, end, limit);
                var citations = cited is null ? [] : reader.Read(cited);
                if (IsQuotationStyle(paragraph.StyleId) && citations.Count == 0 && cited is null)
                {
                    // A block quotation often ends with its own bracketed citation.
                    (text, cited, citations) = TrailingCitation(text, reader);
                }

                if (citations.Count == 0 && DraftText.Words(text).Length < MinUncitedWords)
                {
                    continue;
                }

                found.Add(new DraftQuotation(found.Count + 1, text, paragraph.Index, start, end, cited, footnote, citations));
            }
        }

        return found;
    }

    /// <summary>Evidence citations of the draft's footnotes, quoted or not: how many footnotes cite evidence.</summary>
    public static int CitingFootnotes(WordDraft draft, CitedEvidenceReader reader) =>
        draft.Footnotes.Values.Count(text => reader.Read(text).Count > 0);

    private static bool IsQuotationStyle(string? style) =>
        style is not null && style.Contains("quote", StringComparison.OrdinalIgnoreCase);

    private static (int Start, int End) BlockSpan(string text) => (0, text.Length);

    /// <summary>The insides of double quotation marks: curly pairs by direction, straight ones by alternation.</summary>
    private static List<(int Start, int End)> MarkedSpans(string text)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] switch { '\u201C' => '\u201D', '"' => '"', '\u00AB' => '\u00BB', _ => '\0' };
            if (close == '\0')
            {
                continue;
            }

            var end = text.IndexOf(close, i + 1);
            if (end < 0 && close == '\u201D')
            {
                end = text.IndexOf('"', i + 1); // a curly opening closed by a straight mark
            }

            if (end < 0)
            {
                break;
            }

            spans.Add((i + 1, end));
            i = end;
        }

        return spans;
    }

    private static (string? Cited, long? Footnote) CitationAfter(WordDraft draft, WordDraft.DraftParagraph paragraph, int end, int limit)
    {
        var mark = paragraph.Footnotes.FirstOrDefault(f => f.At >= end && f.At <= limit);
        if (mark is not null && draft.Footnotes.TryGetValue(mark.FootnoteId, out var note))
        {
            return (note, mark.FootnoteId);
        }

        var rest = paragraph.Text[Math.Min(end + 1, paragraph.Text.Length)..limit];
        var open = rest.IndexOf('(');
        var shut = open < 0 ? -1 : Closing(rest, open);
        return open >= 0 && open <= InlineReach && shut > open ? (rest[(open + 1)..shut], null) : (null, null);
    }

    /// <summary>The bracket that closes the one at <paramref name="open"/>: "(Local Trust (LBN0012) para 3)" holds one inside.</summary>
    private static int Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static (string Text, string? Cited, IReadOnlyList<CitedEvidence> Citations) TrailingCitation(string text, CitedEvidenceReader reader)
    {
        var open = text.LastIndexOf('(');
        if (open > 0 && text.TrimEnd('.', ' ').EndsWith(')'))
        {
            var cited = text[(open + 1)..text.LastIndexOf(')')];
            var citations = reader.Read(cited);
            if (citations.Count > 0)
            {
                return (text[..open].TrimEnd(), cited, citations);
            }
        }

        return (text, null, []);
    }
}
