using System.Net;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Hardening;

/// <summary>A stored original whose bytes no longer match their SHA-256 is never served or read: it is a clear problem.</summary>
[TestClass]
public sealed class StoredFileTests
{
    [TestMethod]
    public async Task A_damaged_or_missing_file_is_a_problem_not_its_bytes_and_the_same_file_uploaded_again_repairs_it()
    {
        using var factory = new EvidenceHubFactory();
        var api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("BLB");
        var original = TestDocuments.UniqueText("stored-file");
        var reference = await api.UploadAcceptedAsync("BLB", original, "original.txt");
        var submission = await api.WaitUntilDoneAsync(reference);
        var blob = BlobPath(factory, submission["sha256"]!.GetValue<string>());
        Assert.AreSequenceEqual(original, await api.Http.GetByteArrayAsync($"/api/submissions/{reference}/file"));

        var damaged = (byte[])original.Clone();
        damaged[^2] ^= 0x20; // one flipped bit, as a failing disk would
        await File.WriteAllBytesAsync(blob, damaged);
        using (var response = await api.Http.GetAsync($"/api/submissions/{reference}/file"))
        {
            Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.AreEqual("The stored file is damaged", problem["title"]!.GetValue<string>());
            Assert.Contains("restore it from backup", problem["detail"]!.GetValue<string>());
            SecurityHeadersAssert.Present(response, "the damaged-file problem");
        }

        File.Delete(blob);
        using (var response = await api.Http.GetAsync($"/api/submissions/{reference}/file"))
        {
            Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.AreEqual("The stored file is missing", (await ApiClient.ProblemAsync(response))["title"]!.GetValue<string>());
        }

        // The same bytes arriving again (here in another inquiry) put a good copy back.
        await api.CreateInquiryAsync("BLC");
        await api.UploadAcceptedAsync("BLC", original, "again.txt");
        Assert.AreSequenceEqual(original, await api.Http.GetByteArrayAsync($"/api/submissions/{reference}/file"));
    }

    [TestMethod]
    public async Task A_file_damaged_before_it_is_read_fails_with_a_plain_reason()
    {
        var data = EvidenceHubFactory.NewDataDirectory();
        string reference;
        using (var first = new EvidenceHubFactory(data, services: s => s.AddScoped<IPipelineQueue, LostQueue>()) { KeepData = true })
        {
            var api = new ApiClient(first.CreateAdminClient());
            await api.CreateInquiryAsync("BLD");
            reference = await api.UploadAcceptedAsync("BLD", TestDocuments.UniqueText("damaged-before-read"), "damaged.txt");
            var sha256 = (await api.GetJsonAsync($"/api/submissions/{reference}"))["sha256"]!.GetValue<string>();
            await File.AppendAllTextAsync(BlobPath(first, sha256), "\nA paragraph nobody sent.");
        }

        using var second = new EvidenceHubFactory(data);
        var submission = await new ApiClient(second.CreateAdminClient()).WaitUntilDoneAsync(reference);

        Assert.AreEqual("failed", submission["status"]!.GetValue<string>());
        Assert.AreEqual("corrupt-file", submission["failureKind"]!.GetValue<string>());
        Assert.Contains("stored copy of the file is damaged", submission["failureReason"]!.GetValue<string>());
        Assert.AreEqual(0, submission["passageCount"]!.GetValue<int>());
    }

    private static string BlobPath(EvidenceHubFactory factory, string sha256)
    {
        var path = Path.Combine(factory.DataDirectory, "files", sha256[..2], sha256);
        Assert.IsTrue(File.Exists(path), path);
        return path;
    }
}
