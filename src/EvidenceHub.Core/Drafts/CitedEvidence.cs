using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceHub.Core.Citations;

namespace EvidenceHub.Core.Drafts;

/// <summary>Where a draft says a quotation comes from: a reference, and a paragraph, page or question (with speaker).</summary>
public sealed record CitedEvidence(string? Reference, string? Paragraph, int? Page, string? Question, string? Speaker)
{
    public bool HasLocation => Paragraph is not null || Page is not null || Question is not null;
}

/// <summary>
/// Reads evidence citations out of a footnote or a bracket in the text: the inquiry's own templates first
/// (<c>{who} ({ref}) para {paragraph}</c> and whatever the inquiry set), then the forms authors write by
/// hand — <c>LBN0012 para 3.2</c>, <c>(LBN0012)</c>, <c>LBN0012 p. 4</c>, <c>Q45</c>, <c>Q45 [Simon Kaye]</c>.
/// A footnote may cite several pieces of evidence, separated by semicolons.
/// </summary>
public sealed partial class CitedEvidenceReader
{
    private const string LabelPattern = @"\d+(?:\.\d+)*(?:\s?\([a-zA-Z0-9]{1,4}\))?";
    private readonly IReadOnlyList<Regex> templates;

    public CitedEvidenceReader(CitationStyle style) =>
        templates = new[] { style.Written, style.Page, style.Oral }.Distinct().Select(TemplatePattern).OfType<Regex>().ToList();

    /// <summary>Every citation of evidence in <paramref name="text"/>, in order; empty when it cites none.</summary>
    public IReadOnlyList<CitedEvidence> Read(string text)
    {
        var found = new List<CitedEvidence>();
        foreach (var segment in DraftText.Fold(text).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if ((FromTemplates(segment) ?? ByHand(segment)) is { } cited)
            {
                found.Add(cited);
            }
        }

        return found;
    }

    private CitedEvidence? FromTemplates(string segment)
    {
        foreach (var template in templates)
        {
            var m = template.Match(segment);
            if (m.Success && (m.Groups["ref"].Success || m.Groups["question"].Success))
            {
                return new CitedEvidence(
                    Group(m, "ref"), Label(Group(m, "paragraph")), Page(Group(m, "page")), Question(Group(m, "question")), Group(m, "speaker")?.Trim());
            }
        }

        return null;
    }

    private static CitedEvidence? ByHand(string segment)
    {
        var reference = ReferencePattern().Match(segment);
        var question = QuestionPattern().Match(segment);
        if (!reference.Success && !question.Success)
        {
            return null;
        }

        var rest = reference.Success ? segment[(reference.Index + reference.Length)..] : segment;
        var paragraph = ParagraphPattern().Match(rest);
        var page = PagePattern().Match(rest);
        var speaker = SpeakerPattern().Match(segment);
        return new CitedEvidence(
            reference.Success ? reference.Value : null,
            paragraph.Success ? Label(paragraph.Groups["label"].Value) : null,
            page.Success ? Page(page.Groups["page"].Value) : null,
            question.Success ? Question(question.Value) : null,
            speaker.Success ? speaker.Groups["speaker"].Value.Trim() : null);
    }

    /// <summary>The template as a pattern: its words literal, each placeholder a group; null if it names no reference or question.</summary>
    private static Regex? TemplatePattern(string template)
    {
        if (!template.Contains("{ref}", StringComparison.Ordinal) && !template.Contains("{question}", StringComparison.Ordinal))
        {
            return null;
        }

        var pattern = new StringBuilder();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (Match m in PlaceholderPattern().Matches(template))
        {
            pattern.Append(Literal(template[at..m.Index]));
            var name = m.Groups["name"].Value;
            var group = used.Add(name) ? $"(?<{name}>" : "(?:";
            pattern.Append(name switch
            {
                "ref" => group + @"[A-Z]{3,5}\d{4})",
                "paragraph" => group + LabelPattern + ")",
                "page" => group + @"\d+)",
                "question" => group + @"Q\s?\d+)",
                "speaker" => group + @"[^\]\)\[\(]+?)",
                _ => group + ".+?)",
            });
            at = m.Index + m.Length;
        }

        pattern.Append(Literal(template[at..]));
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }

    private static string Literal(string text) =>
        string.Join(@"\s*", DraftText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) is { Length: > 0 } words
            ? (text.StartsWith(' ') ? @"\s*" : string.Empty) + words + (text.EndsWith(' ') ? @"\s*" : string.Empty)
            : text.Length > 0 ? @"\s*" : string.Empty;

    private static string? Group(Match m, string name) => m.Groups[name].Success ? m.Groups[name].Value : null;

    private static string? Label(string? label) => label?.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('.');

    private static int? Page(string? page) => int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary><c>Q45</c>, however it was written (<c>Q 45</c>, <c>Qq 45</c>).</summary>
    private static string? Question(string? question) => question is null ? null : "Q" + string.Concat(question.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"\b[A-Z]{3,5}\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\bQq?\s?\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPattern();

    [GeneratedRegex(@"\b(?:para(?:graph)?s?|¶)\.?\s*(?<label>" + LabelPattern + ")", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"\b(?:pp?\.|page)\s*(?<page>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"\[(?<speaker>[^\]]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerPattern();

    [GeneratedRegex(@"\{(?<name>[a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
