using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Submissions;

[TestClass]
public sealed class BatchUploadTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("BAT");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_zip_with_a_manifest_takes_each_file_and_reports_every_row()
    {
        var duplicate = TestDocuments.UniqueText("batch-already-there");
        var existing = await api.UploadAcceptedAsync("BAT", duplicate, "earlier.txt");
        var zip = TestDocuments.Zip(new Dictionary<string, byte[]>
        {
            ["manifest.csv"] = Encoding.UTF8.GetBytes(
                "file,submitterName,organisation,category,kind,receivedOn,title\n" +
                "letters/hall.pdf,Ann Example,\"Fictional Hall Trust, Eastbrook\",charity,written,2023-08-01,On halls\n" +
                "notes.docx,Ben Example,,individual,written,2023-08-02,\n" +
                "again.txt,Cal Example,,individual,written,,\n" +
                "bad-category.txt,Dee Example,,pirates,written,,\n" +
                "missing.pdf,Eve Example,,individual,written,,\n"),
            ["letters/hall.pdf"] = TestDocuments.Pdf(["1. The hall trust would take on the library building if revenue funding came with it."]),
            ["notes.docx"] = TestDocuments.Docx("1. Participatory budgeting in the ward worked well in batch."),
            ["again.txt"] = duplicate,
            ["bad-category.txt"] = TestDocuments.UniqueText("batch-bad-category"),
            ["unlisted.txt"] = TestDocuments.UniqueText("batch-unlisted"),
            ["../escape.txt"] = TestDocuments.UniqueText("batch-escape"),
        });

        var response = await PostBatchAsync(zip);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, body.ToJsonString());
        Assert.AreEqual(2, body["accepted"]!.GetValue<int>());
        Assert.AreEqual(1, body["duplicates"]!.GetValue<int>());
        var rows = body["rows"]!.AsArray().ToDictionary(r => r!["file"]!.GetValue<string>(), r => r!);
        Assert.AreEqual(existing, rows["again.txt"]["existingReference"]!.GetValue<string>());
        Assert.Contains("community-group", rows["bad-category.txt"]["reason"]!.GetValue<string>());
        Assert.Contains("not in the ZIP", rows["missing.pdf"]["reason"]!.GetValue<string>());
        Assert.Contains("Not listed", rows["unlisted.txt"]["reason"]!.GetValue<string>());
        Assert.AreEqual("rejected", rows["../escape.txt"]["outcome"]!.GetValue<string>());

        var hall = rows["letters/hall.pdf"]["reference"]!.GetValue<string>();
        var submission = await api.WaitUntilDoneAsync(hall);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>());
        Assert.AreEqual("Fictional Hall Trust, Eastbrook", submission["organisation"]!.GetValue<string>());
        Assert.AreEqual("charity", submission["category"]!.GetValue<string>());
        Assert.AreEqual("hall.pdf", submission["fileName"]!.GetValue<string>());
        await api.WaitUntilDoneAsync(rows["notes.docx"]["reference"]!.GetValue<string>());
        Assert.AreEqual(1, (await api.SearchAsync("q=" + Uri.EscapeDataString("\"participatory budgeting in the ward\"")))["total"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_batch_without_a_manifest_or_that_is_not_a_zip_is_refused_with_the_reason()
    {
        var noManifest = await PostBatchAsync(TestDocuments.Zip(new Dictionary<string, byte[]> { ["a.txt"] = TestDocuments.UniqueText("no-manifest") }));
        Assert.AreEqual(HttpStatusCode.BadRequest, noManifest.StatusCode);
        Assert.Contains("manifest.csv", (await ApiClient.ProblemAsync(noManifest))["detail"]!.GetValue<string>());

        var notZip = await PostBatchAsync(TestDocuments.UniqueText("not-a-zip"));
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, notZip.StatusCode);

        var badHeader = await PostBatchAsync(TestDocuments.Zip(new Dictionary<string, byte[]> { ["manifest.csv"] = "filename,who\nx.txt,y\n"u8.ToArray() }));
        Assert.AreEqual(HttpStatusCode.BadRequest, badHeader.StatusCode);
        Assert.Contains("'file' column", (await ApiClient.ProblemAsync(badHeader))["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_batch_may_be_larger_than_one_file_but_not_than_the_batch_limit_and_each_file_keeps_its_own_limit()
    {
        // Files up to 100 KB, batches up to 3 MB (more than a file and the 1 MB of room a form gets above it);
        // the ZIPs are stored uncompressed, so their size is their files'.
        using var small = new EvidenceHubFactory(settings: new Dictionary<string, string?>
        {
            ["EvidenceHub:MaxUploadBytes"] = "100000",
            ["EvidenceHub:MaxBatchBytes"] = "3000000",
        });
        var client = new ApiClient(small.CreateAdminClient());
        await client.CreateInquiryAsync("BLM");

        var fits = Batch("fits", files: 16, kilobytes: 95, oversizeFile: true);
        Assert.IsGreaterThan(1_500_000, fits.Length);
        var response = await client.PostBatchAsync("BLM", fits);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, body.ToJsonString());
        Assert.AreEqual(16, body["accepted"]!.GetValue<int>(), body.ToJsonString());
        var rows = body["rows"]!.AsArray().ToDictionary(r => r!["file"]!.GetValue<string>(), r => r!);
        Assert.Contains("larger than the largest file accepted", rows["oversize.txt"]["reason"]!.GetValue<string>());

        var refused = await client.PostBatchAsync("BLM", Batch("refused", files: 33, kilobytes: 95, oversizeFile: false));
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("a batch takes at most 2.9 MB", (await ApiClient.ProblemAsync(refused))["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_batch_that_unpacks_past_its_limit_is_refused_whole_even_when_the_zip_understates_its_sizes()
    {
        // Each file is within its own 200 kB limit; six of them (570 kB) are past the batch's 500 kB, four (380 kB) are not.
        using var small = new EvidenceHubFactory(settings: new Dictionary<string, string?>
        {
            ["EvidenceHub:MaxUploadBytes"] = "200000",
            ["EvidenceHub:MaxBatchUnpackedBytes"] = "500000",
        });
        var client = new ApiClient(small.CreateAdminClient());
        await client.CreateInquiryAsync("BUZ");
        var understated = Understated(Batch("understated", files: 6, kilobytes: 95, oversizeFile: false));
        using (var zip = new ZipArchive(new MemoryStream(understated), ZipArchiveMode.Read))
        {
            Assert.IsLessThan(10_000, zip.Entries.Sum(e => e.Length), "the ZIP claims its files are tiny");
        }

        foreach (var (what, batch) in new[] { ("declared sizes", Batch("declared", files: 6, kilobytes: 95, oversizeFile: false)), ("understated sizes", understated) })
        {
            var refused = await client.PostBatchAsync("BUZ", batch);
            Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode, what);
            var problem = await ApiClient.ProblemAsync(refused);
            Assert.AreEqual("The batch is too large", problem["title"]!.GetValue<string>(), what);
            Assert.Contains("Nothing from this batch was taken in", problem["detail"]!.GetValue<string>(), what);
        }

        Assert.AreEqual(0, (await client.GetJsonAsync("/api/inquiries/BUZ/submissions"))["total"]!.GetValue<int>(), "no file of a refused batch is taken in");

        var fits = await client.PostBatchAsync("BUZ", Understated(Batch("fits", files: 4, kilobytes: 95, oversizeFile: false)));
        var body = JsonNode.Parse(await fits.Content.ReadAsStringAsync())!;
        Assert.AreEqual(HttpStatusCode.Accepted, fits.StatusCode, body.ToJsonString());
        Assert.AreEqual(4, body["accepted"]!.GetValue<int>(), body.ToJsonString());
    }

    /// <summary>
    /// The ZIP with every entry's uncompressed size rewritten to 1,000 bytes in its local header and in the
    /// central directory, as a bomb would lie. (Stored entries only: .NET then reads each to its true end.)
    /// </summary>
    private static byte[] Understated(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] is 1 or 3 && bytes[i + 3] == bytes[i + 2] + 1)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + (bytes[i + 2] == 3 ? 22 : 24)), 1000);
            }
        }

        return bytes;
    }

    /// <summary>A stored (uncompressed) ZIP of distinct text files of about this many kB, with their manifest.</summary>
    private static byte[] Batch(string marker, int files, int kilobytes, bool oversizeFile)
    {
        byte[] Text(string name, int size)
        {
            var paragraphs = new List<string>();
            for (var length = 0; length < size * 1000 - 200;)
            {
                paragraphs.Add($"{paragraphs.Count + 1}. Paragraph {paragraphs.Count} of {name} in the {marker} batch, on village halls.");
                length += paragraphs[^1].Length + 2;
            }

            return TestDocuments.Text([.. paragraphs]);
        }

        var names = Enumerable.Range(1, files).Select(i => $"part{i}.txt").ToList();
        var entries = names.ToDictionary(n => n, n => Text(n, kilobytes));
        if (oversizeFile)
        {
            names.Add("oversize.txt");
            entries["oversize.txt"] = Text("oversize.txt", 120);
        }

        entries["manifest.csv"] = Encoding.UTF8.GetBytes("file,submitterName\n" + string.Concat(names.Select(n => $"{n},Submitter of {n}\n")));
        return TestDocuments.Zip(entries, CompressionLevel.NoCompression);
    }

    private static Task<HttpResponseMessage> PostBatchAsync(byte[] zip) => api.PostBatchAsync("BAT", zip);
}
