using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>The public downloads the current file only, named by its reference and without its author's name in the file's properties.</summary>
[TestClass]
public sealed class PublicFileTests
{
    [TestMethod]
    public async Task The_public_download_carries_no_author_and_no_uploaded_name_while_staff_get_the_original()
    {
        using var factory = new EvidenceHubFactory();
        var admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("PUBF");
        var reference = await admin.UploadAcceptedAsync("PUBF", WithAuthor(TestDocuments.Docx("1. Our harbour wall needs repair."), "Wilhelmina Quillfeather"),
            "Quillfeather evidence.docx", new Dictionary<string, string> { ["submitterName"] = "Wilhelmina Quillfeather", ["anonymous"] = "true" });
        await admin.WaitUntilDoneAsync(reference);
        await admin.PublishAsync(reference);

        var visitor = factory.CreatePublicClient();
        var download = await visitor.GetAsync($"/api/submissions/{reference}/file");
        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreEqual($"{reference}.docx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var publicText = AllParts(await download.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Quillfeather", publicText);
        Assert.Contains("harbour wall", publicText);
        Assert.AreEqual(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/submissions/{reference}/file?version=1")).StatusCode, "earlier versions are the staff's");
        Assert.DoesNotContain("Quillfeather", await visitor.GetStringAsync($"/api/submissions/{reference}"));

        var original = await admin.Http.GetAsync($"/api/submissions/{reference}/file");
        Assert.Contains("Quillfeather", AllParts(await original.Content.ReadAsByteArrayAsync()), "staff keep the file as it was sent");
    }

    private static byte[] WithAuthor(byte[] docx, string author)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            document.PackageProperties.Creator = author;
            document.PackageProperties.LastModifiedBy = author;
        }

        return stream.ToArray();
    }

    private static string AllParts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
