using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace EvidenceHub.Extraction.Publishing;

/// <summary>
/// Replaces the names Word writes into a part's XML: tracked changes (<c>w:ins</c>, <c>w:del</c>, <c>w:rPrChange</c>
/// and every other revision mark) carry <c>w:author</c>, which becomes "Author"; comments carry <c>w:author</c> and
/// <c>w:initials</c>, which become "Reviewer" and "R"; an editing permission names its user in <c>w:ed</c>. The
/// extended properties lose Company and Manager, the settings their link to the attached template. Text is not
/// touched; a part with nothing to replace is not rewritten.
/// </summary>
internal static class WordAuthorNames
{
    private static readonly XNamespace[] Word =
    [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ];

    private static readonly XNamespace[] ExtendedProperties =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    ];

    private static readonly XName SharePointProperties = XName.Get("properties", "http://schemas.microsoft.com/office/2006/metadata/properties");

    /// <summary>Words that appear in every part with something to replace; a part without any is not parsed.</summary>
    private static readonly byte[][] Markers =
        [.. new[] { "author", "permStart", "attachedTemplate", "Company", "Manager" }.Select(Encoding.UTF8.GetBytes)];

    public static void Replace(OpenXmlPart part)
    {
        var bytes = Read(part);
        if (!MayName(bytes) || Parse(bytes)?.Root is not { } root || !Clean(root))
        {
            return;
        }

        using var output = new MemoryStream();
        root.Document!.Save(output, SaveOptions.DisableFormatting);
        output.Position = 0;
        part.FeedData(output);
    }

    public static bool IsSharePointProperties(CustomXmlPart part) => Parse(Read(part))?.Root?.Name == SharePointProperties;

    private static byte[] Read(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>UTF-16 parts (allowed, rarely written) cannot be searched as UTF-8, so they are always parsed.</summary>
    private static bool MayName(byte[] xml) =>
        xml is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || Markers.Any(marker => xml.AsSpan().IndexOf(marker) >= 0);

    private static XDocument? Parse(byte[] xml)
    {
        if (xml.Length == 0)
        {
            return null;
        }

        using var reader = XmlReader.Create(new MemoryStream(xml),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    private static bool Clean(XElement root)
    {
        var changed = false;
        if (ExtendedProperties.Contains(root.Name.Namespace))
        {
            foreach (var element in root.Elements().Where(e => e.Name.LocalName is "Company" or "Manager").ToList())
            {
                element.Remove();
                changed = true;
            }

            return changed;
        }

        foreach (var element in root.DescendantsAndSelf())
        {
            if (!Word.Contains(element.Name.Namespace))
            {
                continue;
            }

            var ns = element.Name.Namespace;
            var isComment = element.Name.LocalName == "comment";
            changed |= Set(element.Attribute(ns + "author"), isComment ? "Reviewer" : "Author");
            if (isComment)
            {
                changed |= Set(element.Attribute(ns + "initials"), "R");
            }
            else if (element.Name.LocalName == "permStart")
            {
                changed |= Set(element.Attribute(ns + "ed"), "Author");
            }
        }

        foreach (var template in root.Descendants().Where(e => Word.Contains(e.Name.Namespace) && e.Name.LocalName == "attachedTemplate").ToList())
        {
            template.Remove();
            changed = true;
        }

        return changed;
    }

    private static bool Set(XAttribute? attribute, string value)
    {
        if (attribute is null || attribute.Value == value)
        {
            return false;
        }

        attribute.Value = value;
        return true;
    }
}
