using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using EvidenceHub.Extraction.Word;

namespace EvidenceHub.Extraction.Publishing;

/// <summary>
/// Rewrites a Word file, on a copy in memory, without the names of the people who wrote, edited or commented on it.
/// The package is saved whole, so no earlier bytes of a changed part survive.
/// </summary>
internal static class DocxPublicCopy
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static byte[] Create(byte[] content)
    {
        if (content.AsSpan().StartsWith(OleMagic))
        {
            throw new PublicCopyException("The Word file is password-protected (encrypted), so a public copy without its author details cannot be made.");
        }

        try
        {
            ZipSizeGuard.Check(content, ExtractionRequest.DefaultMaxUncompressedBytes);
        }
        catch (ExtractionFailedException ex)
        {
            throw new PublicCopyException(ex.Message, ex);
        }

        try
        {
            using var stream = new MemoryStream(content.Length);
            stream.Write(content);
            stream.Position = 0;
            using (var document = WordprocessingDocument.Open(stream, isEditable: true))
            {
                var main = document.MainDocumentPart
                    ?? throw new PublicCopyException("The Word file has no document body, so it is damaged or not a Word document.");
                ClearPeople(document);
                DeletePartsThatNamePeople(document, main);
                foreach (var part in document.GetAllParts().Where(IsXml).ToList())
                {
                    WordAuthorNames.Replace(part);
                }
            }

            return stream.ToArray();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException
            or XmlException or IOException or InvalidOperationException)
        {
            throw new PublicCopyException("The Word file is damaged and could not be rewritten without its author details.", ex);
        }
    }

    /// <summary>
    /// Who wrote, last saved and last printed the file, its revision count and its free-text comments go; the title,
    /// subject, keywords, category and dates describe the evidence, not a person, and stay.
    /// </summary>
    private static void ClearPeople(WordprocessingDocument document)
    {
        var properties = document.PackageProperties;
        properties.Creator = null;
        properties.LastModifiedBy = null;
        properties.LastPrinted = null;
        properties.Revision = null;
        properties.Description = null;
    }

    private static void DeletePartsThatNamePeople(WordprocessingDocument document, MainDocumentPart main)
    {
        if (document.CustomFilePropertiesPart is { } custom)
        {
            document.DeletePart(custom);
        }

        // w15:people lists every commenter and editor, with their sign-in ids.
        if (main.WordprocessingPeoplePart is { } people)
        {
            main.DeletePart(people);
        }

        if (main.GlossaryDocumentPart?.WordprocessingPeoplePart is { } glossaryPeople)
        {
            main.GlossaryDocumentPart.DeletePart(glossaryPeople);
        }

        // SharePoint's copy of a library's columns (owner, author, people fields) travels in a custom XML part.
        foreach (var item in main.CustomXmlParts.Where(WordAuthorNames.IsSharePointProperties).ToList())
        {
            main.DeletePart(item);
        }

        // The attached template is a path on the author's machine, often under C:\Users\<name>.
        if (main.DocumentSettingsPart is { } settings)
        {
            foreach (var template in settings.ExternalRelationships.Where(r => r.RelationshipType.EndsWith("/attachedTemplate", StringComparison.Ordinal)).ToList())
            {
                settings.DeleteExternalRelationship(template);
            }
        }
    }

    private static bool IsXml(OpenXmlPart part) =>
        part.ContentType.EndsWith("xml", StringComparison.OrdinalIgnoreCase);
}
