using DocumentFormat.OpenXml;

namespace EvidenceHub.Extraction.Word;

/// <summary>
/// Computes the number Word shows in front of a list paragraph from numbering.xml: the paragraph's (or
/// its style's) numPr picks a w:num, which points at a w:abstractNum with up to nine levels. Paragraphs
/// must be passed in document order, because counting is stateful.
/// </summary>
internal sealed class WordListNumbering
{
    private const int Levels = 9;
    private readonly Dictionary<int, OpenXmlElement> abstracts = [];
    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly WordStyles styles;
    private readonly Dictionary<string, int?[]> counters = [];
    private readonly HashSet<int> restartsApplied = [];

    public WordListNumbering(OpenXmlElement? numbering, WordStyles styles)
    {
        this.styles = styles;
        if (numbering is null)
        {
            return;
        }

        foreach (var abstractNum in numbering.Children("abstractNum"))
        {
            if (int.TryParse(abstractNum.Attr("abstractNumId"), out var id))
            {
                abstracts[id] = abstractNum;
            }
        }

        foreach (var num in numbering.Children("num"))
        {
            if (int.TryParse(num.Attr("numId"), out var id) && num.ChildInt("abstractNumId") is { } abstractId)
            {
                instances[id] = new NumberingInstance(id, abstractId, num.Children("lvlOverride").ToList());
            }
        }
    }

    /// <summary>The number as Word displays it (<c>4.2.</c>, <c>(a)</c>), or null for bullets and plain paragraphs.</summary>
    public string? NextNumber(OpenXmlElement paragraph)
    {
        var (numId, level, styleId) = NumberingOf(paragraph);
        if (numId is not { } id || id == 0 || !instances.TryGetValue(id, out var instance))
        {
            return null;
        }

        var abstractNum = ResolveAbstract(instance.AbstractId);
        if (abstractNum is null)
        {
            return null;
        }

        var ilvl = Math.Clamp(level ?? LevelForStyle(abstractNum, styleId) ?? 0, 0, Levels - 1);
        var definitions = Enumerable.Range(0, Levels).Select(l => LevelDefinition(instance, abstractNum, l)).ToArray();
        var count = CountersFor(instance);

        count[ilvl] = (count[ilvl] ?? StartOf(definitions[ilvl]) - 1) + 1;
        for (var deeper = ilvl + 1; deeper < Levels; deeper++)
        {
            var restartAfter = definitions[deeper].ChildInt("lvlRestart") ?? deeper;
            if (ilvl < restartAfter)
            {
                count[deeper] = null;
            }
        }

        var current = definitions[ilvl];
        var format = current.ChildVal("numFmt") ?? "decimal";
        var text = current?.ChildVal("lvlText");
        if (current is null || format is "bullet" or "none" || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var legal = current.ChildFlag("isLgl");
        var shown = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var referenced = text[i + 1] - '1';
                var value = count[referenced] ?? StartOf(definitions[referenced]);
                var referencedFormat = legal ? "decimal" : definitions[referenced].ChildVal("numFmt") ?? "decimal";
                shown.Append(ListNumberFormat.Format(value, referencedFormat));
                i++;
            }
            else
            {
                shown.Append(text[i]);
            }
        }

        var result = shown.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private (int? NumId, int? Level, string? StyleId) NumberingOf(OpenXmlElement paragraph)
    {
        var properties = paragraph.Child("pPr");
        var numPr = properties?.Child("numPr");
        var styleId = properties.ChildVal("pStyle") ?? styles.DefaultParagraphStyle;
        var numId = numPr.ChildInt("numId");
        var level = numPr.ChildInt("ilvl");
        if (numId is null)
        {
            (numId, var styleLevel) = styles.NumberingOf(styleId);
            level ??= styleLevel;
        }

        return (numId, level, styleId);
    }

    private int? LevelForStyle(OpenXmlElement abstractNum, string? styleId)
    {
        if (styleId is null)
        {
            return null;
        }

        var level = abstractNum.Children("lvl").FirstOrDefault(l => l.ChildVal("pStyle") == styleId);
        return int.TryParse(level.Attr("ilvl"), out var ilvl) ? ilvl : null;
    }

    /// <summary>An abstractNum that only links to a numbering style takes its levels from that style's list.</summary>
    private OpenXmlElement? ResolveAbstract(int abstractId)
    {
        if (!abstracts.TryGetValue(abstractId, out var abstractNum))
        {
            return null;
        }

        if (abstractNum.ChildVal("numStyleLink") is { } link
            && styles.NumberingOf(link).NumId is { } linkedNum
            && instances.TryGetValue(linkedNum, out var linked)
            && linked.AbstractId != abstractId
            && abstracts.TryGetValue(linked.AbstractId, out var target))
        {
            return target;
        }

        return abstractNum;
    }

    private static OpenXmlElement? LevelDefinition(NumberingInstance instance, OpenXmlElement abstractNum, int level)
    {
        var replaced = instance.Overrides.FirstOrDefault(o => o.Attr("ilvl") == level.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Child("lvl");
        return replaced ?? abstractNum.Children("lvl").FirstOrDefault(l => l.Attr("ilvl") == level.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int StartOf(OpenXmlElement? level) => level.ChildInt("start") ?? 0;

    /// <summary>
    /// Lists that share an abstract definition continue one count, as Word does; a w:num with a
    /// startOverride is a restarted list with its own count, reset the first time it is used.
    /// </summary>
    private int?[] CountersFor(NumberingInstance instance)
    {
        var restarts = instance.Overrides.Where(o => o.Child("startOverride") is not null).ToList();
        var key = restarts.Count > 0 ? $"num:{instance.NumId}" : $"abstract:{instance.AbstractId}";
        if (!counters.TryGetValue(key, out var count))
        {
            count = new int?[Levels];
            counters[key] = count;
        }

        if (restarts.Count > 0 && restartsApplied.Add(instance.NumId))
        {
            foreach (var restart in restarts)
            {
                if (int.TryParse(restart.Attr("ilvl"), out var level) && level is >= 0 and < Levels
                    && restart.ChildInt("startOverride") is { } start)
                {
                    count[level] = start - 1;
                }
            }
        }

        return count;
    }

    private sealed record NumberingInstance(int NumId, int AbstractId, IReadOnlyList<OpenXmlElement> Overrides);
}
