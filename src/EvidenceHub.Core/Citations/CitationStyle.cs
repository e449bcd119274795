using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceHub.Core.Citations;

/// <summary>
/// An inquiry's citation templates: written evidence with numbered paragraphs, written evidence cited by
/// page, oral evidence with question numbers, and oral evidence without them cited by transcript page and line
/// (a public inquiry's <c>[14 May 2024] transcript 45/3</c>). Placeholders in braces: <c>{who}</c>, <c>{ref}</c>,
/// <c>{submitter}</c>, <c>{organisation}</c>, <c>{paragraph}</c>, <c>{page}</c>, <c>{question}</c>,
/// <c>{speaker}</c>, <c>{line}</c> (the printed line a turn starts on) and <c>{date}</c> (the hearing's date).
/// </summary>
public sealed partial record CitationStyle(string Written, string Page, string Oral, string Transcript = CitationStyle.DefaultTranscript)
{
    public const string DefaultWritten = "{who} ({ref}) para {paragraph}";
    public const string DefaultPage = "{who} ({ref}) p. {page}";
    public const string DefaultOral = "{question} [{speaker}]";
    public const string DefaultTranscript = "[{date}] transcript {page}/{line}";

    public static readonly CitationStyle Default = new(DefaultWritten, DefaultPage, DefaultOral, DefaultTranscript);

    public static readonly IReadOnlyList<string> Placeholders =
        ["who", "ref", "submitter", "organisation", "paragraph", "page", "question", "speaker", "line", "date"];

    /// <summary>Null when the template is usable, else what is wrong with it in words a clerk can act on.</summary>
    public static string? Problem(string? template, string name, string mustHold)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return $"The {name} template is empty.";
        }

        if (template.Length > 200)
        {
            return $"The {name} template is longer than 200 characters.";
        }

        var stripped = Placeholder().Replace(template, string.Empty);
        if (stripped.Contains('{', StringComparison.Ordinal) || stripped.Contains('}', StringComparison.Ordinal))
        {
            return $"The {name} template '{template}' has a brace that does not close a placeholder; write placeholders as {{ref}}.";
        }

        var unknown = Placeholder().Matches(template).Select(m => m.Groups["name"].Value)
            .FirstOrDefault(n => !Placeholders.Contains(n));
        if (unknown is not null)
        {
            return $"The {name} template uses {{{unknown}}}, which is not a placeholder; use {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.";
        }

        return template.Contains("{" + mustHold + "}", StringComparison.Ordinal)
            ? null
            : $"The {name} template must hold {{{mustHold}}}, or the citation would not say where the quote is.";
    }

    /// <summary>
    /// The template with each placeholder's value (nothing for a missing one), empty brackets left by a missing
    /// value taken out and spaces collapsed: <c>{who} ({ref}) para {paragraph}</c>.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="value">A placeholder's value by its name; asked only for the placeholders the template holds.</param>
    public static string Render(string template, Func<string, string?> value)
    {
        var builder = new StringBuilder(template.Length + 48);
        foreach (var part in Parts(template))
        {
            builder.Append(part.Placeholder ? value(part.Text) : part.Text);
        }

        var rendered = builder.ToString();
        if (rendered.Contains("()", StringComparison.Ordinal) || rendered.Contains("[]", StringComparison.Ordinal))
        {
            rendered = rendered.Replace("()", string.Empty, StringComparison.Ordinal).Replace("[]", string.Empty, StringComparison.Ordinal);
        }

        return CollapseSpaces(rendered);
    }

    private readonly record struct Part(string Text, bool Placeholder);

    /// <summary>Templates split into text and placeholders once: every hit on every page of a search is cited.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Part[]> Split = new(StringComparer.Ordinal);

    private static Part[] Parts(string template)
    {
        if (Split.TryGetValue(template, out var parts))
        {
            return parts;
        }

        var list = new List<Part>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            if (m.Index > at)
            {
                list.Add(new Part(template[at..m.Index], false));
            }

            list.Add(new Part(m.Groups["name"].Value, true));
            at = m.Index + m.Length;
        }

        if (at < template.Length)
        {
            list.Add(new Part(template[at..], false));
        }

        parts = [.. list];
        // Templates are few (four per inquiry that has its own); a node that has somehow seen thousands keeps
        // splitting new ones rather than growing without bound.
        if (Split.Count < 1_000)
        {
            Split.TryAdd(template, parts);
        }

        return parts;
    }

    private static string CollapseSpaces(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal) && text.Length == text.AsSpan().Trim().Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (c == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{(?<name>[a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
