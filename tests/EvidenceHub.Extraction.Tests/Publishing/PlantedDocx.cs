using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using EvidenceHub.Extraction.Tests.Word;

namespace EvidenceHub.Extraction.Tests.Publishing;

/// <summary>
/// A Word file with a name containing <see cref="Needle"/> in every place Word records people: core, extended and
/// custom properties, tracked changes (insertion, deletion, formatting), a comment and its initials, the people
/// part, SharePoint's properties and the attached template's path.
/// </summary>
internal static class PlantedDocx
{
    public const string Needle = "Planted";
    public const string Title = "Evidence on rural bus services";
    public const string Initials = "PQZ";

    private const string Date = "w:date=\"2025-01-01T12:00:00Z\"";

    public static byte[] Create()
    {
        var body = TestDocx.Paragraph("1. Rural bus services have been cut by half since 2010.")
            + "<w:p><w:r><w:t xml:space=\"preserve\">2. The council should </w:t></w:r>"
            + $"<w:ins w:id=\"1\" w:author=\"Planted Editor\" {Date}><w:r><w:t>restore</w:t></w:r></w:ins>"
            + $"<w:del w:id=\"2\" w:author=\"Planted Deleter\" {Date}><w:r><w:delText>cut</w:delText></w:r></w:del>"
            + "<w:r><w:t xml:space=\"preserve\"> the evening routes.</w:t></w:r></w:p>"
            + "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:rPr><w:b/>"
            + $"<w:rPrChange w:id=\"3\" w:author=\"Planted Formatter\" {Date}><w:rPr/></w:rPrChange></w:rPr>"
            + "<w:t>3. Fares rose faster than wages.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
            + "<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>";
        var docx = TestDocx.Create(body);

        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var properties = document.PackageProperties;
            properties.Title = Title;
            properties.Creator = "Planted Creator";
            properties.LastModifiedBy = "Planted Last Editor";
            properties.Description = "Planted Description";
            properties.Revision = "7";
            properties.LastPrinted = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc);

            Feed(document.AddExtendedFilePropertiesPart(),
                "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                + "<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application>"
                + "<Company>Planted Company</Company><Manager>Planted Manager</Manager></Properties>");
            Feed(document.AddCustomFilePropertiesPart(),
                "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
                + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                + "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"Owner\"><vt:lpwstr>Planted Owner</vt:lpwstr></property>"
                + "</Properties>");

            var main = document.MainDocumentPart!;
            Feed(main.AddNewPart<WordprocessingCommentsPart>(),
                $"<w:comments xmlns:w=\"{TestDocx.W}\"><w:comment w:id=\"0\" w:author=\"Planted Commenter\" w:initials=\"{Initials}\" {Date}>"
                + "<w:p><w:r><w:t>Source for this?</w:t></w:r></w:p></w:comment></w:comments>");
            Feed(main.AddNewPart<WordprocessingPeoplePart>(),
                "<w15:people xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\">"
                + "<w15:person w15:author=\"Planted Commenter\"><w15:presenceInfo w15:providerId=\"AD\" w15:userId=\"planted@example.org\"/></w15:person>"
                + "</w15:people>");

            var settings = main.AddNewPart<DocumentSettingsPart>();
            var template = settings.AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
                new Uri("file:///C:/Users/Planted/AppData/Roaming/Microsoft/Templates/Normal.dotm"));
            Feed(settings,
                $"<w:settings xmlns:w=\"{TestDocx.W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + $"<w:attachedTemplate r:id=\"{template.Id}\"/><w:rsids><w:rsidRoot w:val=\"00A1B2C3\"/></w:rsids></w:settings>");

            Feed(main.AddCustomXmlPart(CustomXmlPartType.CustomXml),
                "<p:properties xmlns:p=\"http://schemas.microsoft.com/office/2006/metadata/properties\">"
                + "<documentManagement><Owner><UserInfo><DisplayName>Planted Owner</DisplayName></UserInfo></Owner></documentManagement>"
                + "</p:properties>");
        }

        return stream.ToArray();
    }

    /// <summary>Every part of the package, unzipped, by name.</summary>
    public static IReadOnlyDictionary<string, string> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }
}
