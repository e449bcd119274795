using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.PlainText;

/// <summary>
/// Reads the light markup of a text file (Markdown and reStructuredText, or a plain <c>.txt</c> written that way)
/// into lines of plain words: headings (<c># Title</c>, a line underlined with <c>===</c> or <c>---</c>) are marked as
/// headings, emphasis, code and link syntax and list markers are removed, directives and rules are dropped, and a
/// YAML (<c>---</c>) or field-list (<c>:Chair: Lady Hallett</c>) block at the top becomes front matter. Paragraph
/// numbers (<c>1.</c>, <c>3.2</c>) are left alone: they are the author's labels.
/// </summary>
public static partial class LightMarkup
{
    /// <summary>One line of text without its markup.</summary>
    public sealed record Line(string Text, bool StartsParagraph, bool IsHeading);

    /// <summary>The lines and the front-matter fields (keys in lower case).</summary>
    public sealed record Document(IReadOnlyList<Line> Lines, IReadOnlyDictionary<string, string> FrontMatter);

    private const int FrontMatterWindow = 60;

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+?)(?:\s+#+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^([=\-~^""'`#*+:._])\1{2,}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Adornment();

    [GeneratedRegex(@"^\.\.(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^\s*(?:>\s?)+", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"^\s*[-*+•]\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s*\|\s", RegexOptions.CultureInvariant)]
    private static partial Regex LineBlock();

    [GeneratedRegex(@"^(?<key>[A-Za-z][\w \-]{0,40}?)\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlField();

    [GeneratedRegex(@"^\s+-\s+(?<value>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlListItem();

    [GeneratedRegex(@"^:(?<key>[A-Za-z][\w \-]{0,40}):\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldListItem();

    [GeneratedRegex(@"``(?<t>.+?)``|:[\w\-]+:`(?<t>[^`]+?)`|`(?<t>[^`<]+?)\s*<[^`>]+>`_{1,2}|`(?<t>[^`]+?)`_{0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex CodeAndRoles();

    [GeneratedRegex(@"!?\[(?<t>[^\]]*)\]\((?:[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w*])(\*\*|__)(?=\S)(?<t>.+?)(?<=\S)\1(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*\\])(\*|_)(?=[^\s*_])(?<t>.+?)(?<=[^\s\\])\1(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    public static Document Read(string text)
    {
        var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var frontMatter = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = ReadYamlFrontMatter(raw, frontMatter);
        var lines = new List<Line>();
        var afterBlank = true;
        var previousRawBlank = true; // the raw line before this one was blank (or there was none)
        var paragraphLines = 0;      // lines in the paragraph being read
        var inDirective = false;
        for (var i = start; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd();
            if (line.Trim().Length == 0)
            {
                afterBlank = true;
                previousRawBlank = true;
                paragraphLines = 0;
                continue;
            }

            var wasBlank = previousRawBlank;
            previousRawBlank = false;

            // A directive (".. note::", ".. toctree::") and its options are markup; its indented body is text.
            if (Directive().IsMatch(line))
            {
                inDirective = true;
                afterBlank = true;
                continue;
            }

            if (inDirective && wasBlank is false && line.TrimStart().StartsWith(':'))
            {
                continue;
            }

            inDirective = inDirective && char.IsWhiteSpace(line[0]);

            if (Adornment().IsMatch(line))
            {
                // An underline makes the single line above it a heading; an overline or a rule stands alone.
                if (!wasBlank && paragraphLines == 1 && lines.Count > 0 && !lines[^1].IsHeading)
                {
                    lines[^1] = lines[^1] with { IsHeading = true, StartsParagraph = true };
                }

                afterBlank = true;
                paragraphLines = 0;
                continue;
            }

            if (lines.Count < FrontMatterWindow && FieldListItem().Match(line) is { Success: true } field)
            {
                AddField(frontMatter, field.Groups["key"].Value, field.Groups["value"].Value);
                afterBlank = true;
                continue;
            }

            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                lines.Add(new Line(Inline(heading.Groups["text"].Value), StartsParagraph: true, IsHeading: true));
                afterBlank = true;
                paragraphLines = 0;
                continue;
            }

            var startsParagraph = afterBlank;
            var content = QuoteMarker().Replace(line, string.Empty);
            content = LineBlock().Replace(content, string.Empty);
            if (ListMarker().Match(content) is { Success: true } marker)
            {
                content = content[marker.Length..];
                startsParagraph = true;
            }

            content = TextNormalizer.Clean(Inline(content));
            if (content.Length == 0)
            {
                continue;
            }

            lines.Add(new Line(content, startsParagraph, IsHeading: false));
            afterBlank = false;
            paragraphLines++;
        }

        return new Document(lines, frontMatter);
    }

    /// <summary>Removes inline markup: code, roles, links (keeping their words), strong and emphasis, escapes.</summary>
    public static string Inline(string text)
    {
        if (text.AsSpan().IndexOfAny("*_`[\\") < 0)
        {
            return text;
        }

        text = CodeAndRoles().Replace(text, m => m.Groups["t"].Value);
        text = MarkdownLink().Replace(text, m => m.Groups["t"].Value);
        text = Strong().Replace(text, m => m.Groups["t"].Value);
        text = Emphasis().Replace(text, m => m.Groups["t"].Value);
        return Escape().Replace(text, "$1");
    }

    /// <summary>A YAML block between <c>---</c> lines at the very top; returns the index of the first line after it.</summary>
    private static int ReadYamlFrontMatter(string[] raw, Dictionary<string, string> frontMatter)
    {
        var first = Array.FindIndex(raw, l => l.Trim().Length > 0);
        if (first < 0 || raw[first].Trim() != "---")
        {
            return 0;
        }

        var end = -1;
        for (var i = first + 1; i < Math.Min(raw.Length, first + FrontMatterWindow); i++)
        {
            if (raw[i].Trim() is "---" or "...")
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return 0;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? listKey = null;
        for (var i = first + 1; i < end; i++)
        {
            var line = raw[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (listKey is not null && YamlListItem().Match(line) is { Success: true } item)
            {
                AddField(fields, listKey, item.Groups["value"].Value);
                continue;
            }

            var field = YamlField().Match(line.Trim());
            if (!field.Success)
            {
                return 0; // not front matter after all: a rule at the top of the text
            }

            listKey = field.Groups["value"].Value.Trim().Length == 0 ? field.Groups["key"].Value : null;
            if (listKey is null)
            {
                AddField(fields, field.Groups["key"].Value, field.Groups["value"].Value);
            }
        }

        foreach (var (key, value) in fields)
        {
            frontMatter[key] = value;
        }

        return end + 1;
    }

    private static void AddField(Dictionary<string, string> fields, string key, string value)
    {
        key = TextNormalizer.Clean(key).ToLowerInvariant();
        value = TextNormalizer.Clean(Inline(value.Trim().Trim('"', '\'')));
        if (value.Length == 0)
        {
            return;
        }

        fields[key] = fields.TryGetValue(key, out var existing) ? existing + "; " + value : value;
    }
}
