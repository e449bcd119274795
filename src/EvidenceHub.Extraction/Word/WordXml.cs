using DocumentFormat.OpenXml;

namespace EvidenceHub.Extraction.Word;

/// <summary>
/// Reads WordprocessingML by local name, so transitional, Strict and unknown (extension) elements are
/// handled by one code path.
/// </summary>
internal static class WordXml
{
    public static bool IsWord(OpenXmlElement element) =>
        element.NamespaceUri.Contains("wordprocessingml", StringComparison.Ordinal);

    public static OpenXmlElement? Child(this OpenXmlElement element, string localName) =>
        element.ChildElements.FirstOrDefault(c => c.LocalName == localName);

    public static IEnumerable<OpenXmlElement> Children(this OpenXmlElement element, string localName) =>
        element.ChildElements.Where(c => c.LocalName == localName);

    public static string? Attr(this OpenXmlElement? element, string localName)
    {
        if (element is null)
        {
            return null;
        }

        foreach (var attribute in element.GetAttributes())
        {
            if (attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The <c>w:val</c> of a child such as <c>&lt;w:numId w:val="3"/&gt;</c>.</summary>
    public static string? ChildVal(this OpenXmlElement? element, string localName) =>
        element?.Child(localName).Attr("val");

    public static int? ChildInt(this OpenXmlElement? element, string localName) =>
        int.TryParse(element.ChildVal(localName), out var value) ? value : null;

    /// <summary>On/off properties: present without a value means on; "0", "false", "off" mean off.</summary>
    public static bool ChildFlag(this OpenXmlElement? element, string localName)
    {
        var child = element?.Child(localName);
        if (child is null)
        {
            return false;
        }

        return child.Attr("val") is not ("0" or "false" or "off");
    }
}
