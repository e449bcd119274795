using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Storage;

/// <summary>Where the originals live: <c>EvidenceHub:FilesDirectory</c>, and the folder earlier versions used.</summary>
[TestClass]
public sealed class FilesFolderTests
{
    [TestMethod]
    public async Task Originals_go_to_the_files_folder_that_is_set_outside_the_data_directory()
    {
        var files = EvidenceHubFactory.NewDataDirectory();
        try
        {
            using var factory = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:FilesDirectory"] = files });
            var api = new ApiClient(factory.CreateAdminClient());
            await api.CreateInquiryAsync("FIL");
            var content = TestDocuments.UniqueText("files-folder");
            var submission = await api.WaitUntilDoneAsync(await api.UploadAcceptedAsync("FIL", content, "a.txt"));

            var sha256 = submission["sha256"]!.GetValue<string>();
            Assert.AreSequenceEqual(content, await File.ReadAllBytesAsync(Path.Combine(files, sha256[..2], sha256)));
            Assert.IsFalse(Directory.Exists(Path.Combine(factory.DataDirectory, "files")), "nothing of the originals under the data directory");
        }
        finally
        {
            EvidenceHubFactory.TryDelete(files);
        }
    }

    [TestMethod]
    public async Task A_data_directory_from_an_earlier_version_keeps_serving_and_storing_its_originals_in_blobs()
    {
        var data = EvidenceHubFactory.NewDataDirectory();
        var old = TestDocuments.UniqueText("kept-in-blobs");
        string reference;
        using (var first = new EvidenceHubFactory(data) { KeepData = true })
        {
            var api = new ApiClient(first.CreateAdminClient());
            await api.CreateInquiryAsync("OLD");
            reference = await api.UploadAcceptedAsync("OLD", old, "old.txt");
            await api.WaitUntilDoneAsync(reference);
        }

        // The layout an earlier version left behind: the originals under DataDirectory/blobs.
        Directory.Move(Path.Combine(data, "files"), Path.Combine(data, "blobs"));

        using var second = new EvidenceHubFactory(data);
        var again = new ApiClient(second.CreateAdminClient());
        Assert.AreSequenceEqual(old, await again.Http.GetByteArrayAsync($"/api/submissions/{reference}/file"));

        var added = await again.WaitUntilDoneAsync(await again.UploadAcceptedAsync("OLD", TestDocuments.UniqueText("new-beside-it"), "new.txt"));
        var sha256 = added["sha256"]!.GetValue<string>();
        Assert.IsTrue(File.Exists(Path.Combine(data, "blobs", sha256[..2], sha256)), "a new original joins the others in blobs");
        Assert.IsFalse(Directory.Exists(Path.Combine(data, "files")));
    }
}
