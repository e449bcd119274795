using DocumentFormat.OpenXml;

namespace EvidenceHub.Extraction.Word;

/// <summary>Paragraph styles: which carry list numbering (through basedOn) and which are headings.</summary>
internal sealed class WordStyles
{
    private readonly Dictionary<string, OpenXmlElement> byId = [];

    public WordStyles(OpenXmlElement? styles)
    {
        if (styles is null)
        {
            return;
        }

        foreach (var style in styles.Children("style"))
        {
            if (style.Attr("styleId") is { } id)
            {
                byId[id] = style;
                if (style.Attr("type") == "paragraph" && style.Attr("default") is "1" or "true" or "on")
                {
                    DefaultParagraphStyle = id;
                }
            }
        }
    }

    public string? DefaultParagraphStyle { get; }

    public (int? NumId, int? Level) NumberingOf(string? styleId)
    {
        foreach (var style in Chain(styleId))
        {
            var numPr = style.Child("pPr")?.Child("numPr");
            if (numPr?.ChildInt("numId") is { } numId)
            {
                return (numId, numPr.ChildInt("ilvl"));
            }
        }

        return (null, null);
    }

    public bool IsHeading(string? styleId) => Chain(styleId).Any(style =>
    {
        var name = style.ChildVal("name") ?? string.Empty;
        return name.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Title", StringComparison.OrdinalIgnoreCase)
            || style.Child("pPr").ChildInt("outlineLvl") is < 9;
    });

    private IEnumerable<OpenXmlElement> Chain(string? styleId)
    {
        var seen = new HashSet<string>();
        while (styleId is not null && seen.Add(styleId) && byId.TryGetValue(styleId, out var style))
        {
            yield return style;
            styleId = style.ChildVal("basedOn");
        }
    }
}
