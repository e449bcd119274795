using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace EvidenceHub.Core.Themes.Exchange;

/// <summary>A code of a REFI-QDA codebook: its name, colour and description, and the names of the codes above it.</summary>
public sealed record QdaCode(string Name, string? Colour, string? Description, IReadOnlyList<string> Parents);

/// <summary>
/// Reads the codes of a REFI-QDA codebook (<c>.qdc</c>, namespace <c>urn:QDA-XML:codebook:1.0</c>) or of a
/// project (<c>.qdpx</c>, its <c>project.qde</c>), depth first, whatever tool wrote it. Null, with the reason,
/// for a file that is neither.
/// </summary>
public static partial class QdaCodebookReader
{
    // A codebook is small; a project's XML larger, but a bomb is refused before it is inflated.
    private const long MaxXmlBytes = 100L * 1024 * 1024;

    public static IReadOnlyList<QdaCode>? Read(byte[] bytes, out string? problem)
    {
        problem = null;
        try
        {
            var xml = bytes.Length > 2 && bytes[0] == 'P' && bytes[1] == 'K' ? ProjectXml(bytes, out problem) : new MemoryStream(bytes, writable: false);
            if (xml is null)
            {
                return null;
            }

            using (xml)
            {
                var document = XDocument.Load(XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
                var root = document.Root!;
                if (root.Name.LocalName is not ("CodeBook" or "Project"))
                {
                    problem = $"The file's XML is a <{root.Name.LocalName}>, not a REFI-QDA codebook (.qdc) or project (.qdpx).";
                    return null;
                }

                var codes = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Codes");
                var found = new List<QdaCode>();
                if (codes is not null)
                {
                    Collect(codes, [], found);
                }

                return found;
            }
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            problem = "The file is not a REFI-QDA codebook (.qdc) or project (.qdpx) that can be read: export it again from the analysis software.";
            return null;
        }
    }

    private static Stream? ProjectXml(byte[] bytes, out string? problem)
    {
        problem = null;
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".qde", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/', StringComparison.Ordinal));
        if (entry is null)
        {
            problem = "The ZIP holds no project.qde at its root: it is not a REFI-QDA project (.qdpx).";
            return null;
        }

        if (entry.Length > MaxXmlBytes)
        {
            problem = "The project's XML would unpack to more than 100 MB; export the codebook alone (.qdc) and import that.";
            return null;
        }

        var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    private static void Collect(XElement parent, IReadOnlyList<string> path, List<QdaCode> found)
    {
        foreach (var code in parent.Elements().Where(e => e.Name.LocalName == "Code"))
        {
            var name = code.Attribute("name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var description = code.Elements().FirstOrDefault(e => e.Name.LocalName == "Description")?.Value.Trim();
            found.Add(new QdaCode(name, Colour(code.Attribute("color")?.Value), string.IsNullOrEmpty(description) ? null : description, path));
            Collect(code, [.. path, name], found);
        }
    }

    /// <summary><c>#RRGGBB</c> in capitals; <c>#RGB</c> doubled; anything else none.</summary>
    private static string? Colour(string? value)
    {
        var v = value?.Trim() ?? string.Empty;
        if (LongColour().IsMatch(v))
        {
            return v.ToUpperInvariant();
        }

        return ShortColour().IsMatch(v) ? $"#{v[1]}{v[1]}{v[2]}{v[2]}{v[3]}{v[3]}".ToUpperInvariant() : null;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex LongColour();

    [GeneratedRegex("^#[0-9A-Fa-f]{3}$")]
    private static partial Regex ShortColour();
}
