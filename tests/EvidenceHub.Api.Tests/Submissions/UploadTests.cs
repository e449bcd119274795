using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Submissions;

[TestClass]
public sealed class UploadTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:MaxUploadBytes"] = "200000" });
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("UPL");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_pdf_found_by_a_phrase_on_page_3_carries_page_3_and_paragraph_4_2()
    {
        var pdf = TestDocuments.Pdf(
            ["1.1 Our trust runs three community halls in the borough.", "1.2 We were founded by residents in 2009."],
            ["2.1 The competitive bidding rounds favoured places with paid bid writers."],
            ["4.1 We make two recommendations.", "4.2 Funding should flow through neighbourhood anchor organisations with long-term settlements.", "4.3 Councils should share capacity."]);
        var reference = await api.UploadAcceptedAsync("UPL", pdf, "trust.pdf",
            new Dictionary<string, string> { ["submitterName"] = "Ada Example", ["organisation"] = "Fictional Halls Trust", ["category"] = "charity" });

        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>(), submission.ToJsonString());
        Assert.AreEqual(3, submission["pageCount"]!.GetValue<int>());

        var results = await api.SearchAsync("q=" + Uri.EscapeDataString("\"neighbourhood anchor organisations\""));
        Assert.AreEqual(1, results["total"]!.GetValue<int>());
        var passage = results["hits"]![0]!["passages"]![0]!;
        Assert.AreEqual(3, passage["page"]!.GetValue<int>());
        Assert.AreEqual("4.2", passage["paragraph"]!.GetValue<string>());
        Assert.AreEqual($"Fictional Halls Trust ({reference}) para 4.2", passage["citation"]!.GetValue<string>());
        Assert.Contains("<mark>neighbourhood</mark> <mark>anchor</mark> <mark>organisations</mark>", passage["snippet"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_word_file_is_read_paragraph_by_paragraph_with_its_labels()
    {
        var docx = TestDocuments.Docx(
            "Submission from a fictional residents' association",
            "1. The estate lost its only youth club in 2019.",
            "2. A participatory budgeting pilot brought 400 residents to vote on how to spend the ward fund.");
        var reference = await api.UploadAcceptedAsync("UPL", docx, "association.docx");
        await api.WaitUntilDoneAsync(reference);

        var passages = await api.GetJsonAsync($"/api/submissions/{reference}/passages");
        Assert.AreEqual(3, passages.AsArray().Count);
        Assert.AreEqual("2", passages[2]!["paragraph"]!.GetValue<string>());
        Assert.StartsWith("A participatory budgeting pilot", passages[2]!["text"]!.GetValue<string>());

        var results = await api.SearchAsync("q=" + Uri.EscapeDataString("participatory budgeting"));
        var hit = results["hits"]!.AsArray().Single(h => h!["reference"]!.GetValue<string>() == reference)!;
        Assert.AreEqual("2", hit["passages"]![0]!["paragraph"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_same_bytes_twice_is_a_409_naming_the_first_reference()
    {
        var content = TestDocuments.UniqueText("duplicate-check");
        var first = await api.UploadAcceptedAsync("UPL", content, "first.txt");

        var again = await api.UploadAsync("UPL", content, "renamed-copy.txt");

        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ApiClient.ProblemAsync(again);
        Assert.AreEqual(first, problem["existingReference"]!.GetValue<string>());
        Assert.Contains(first, problem["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_file_that_is_not_pdf_word_or_text_is_415_whatever_its_name()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
        var response = await api.UploadAsync("UPL", png, "evidence.pdf");

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Contains("not a PDF", problem["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_text_file_named_pdf_is_read_as_text()
    {
        var reference = await api.UploadAcceptedAsync("UPL", TestDocuments.UniqueText("misnamed"), "actually-text.pdf");
        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>());
        Assert.AreEqual("text/plain", (await factory.CreateAdminClient().GetAsync($"/api/submissions/{reference}/file")).Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task An_empty_file_is_400()
    {
        var response = await api.UploadAsync("UPL", [], "empty.docx");
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_file_over_the_upload_limit_is_413_naming_the_limit()
    {
        var large = TestDocuments.Text(string.Join(' ', Enumerable.Repeat("oversize", 40_000)));
        var response = await api.UploadAsync("UPL", large, "large.txt");

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("largest file accepted", (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Twenty_concurrent_uploads_get_twenty_distinct_references_in_sequence()
    {
        await api.CreateInquiryAsync("CONC");
        var uploads = Enumerable.Range(0, 20)
            .Select(i => api.UploadAcceptedAsync("CONC", TestDocuments.UniqueText($"concurrent-{i}"), $"file-{i}.txt"));

        var references = await Task.WhenAll(uploads);

        Assert.AreSequenceEqual(Enumerable.Range(1, 20).Select(n => $"CONC{n:D4}").ToList(), references.Order().ToList());
    }

    [TestMethod]
    public async Task Uploading_to_an_unknown_inquiry_is_404_and_a_bad_category_is_400()
    {
        var missing = await api.UploadAsync("NOPE", TestDocuments.UniqueText("missing-inquiry"), "a.txt");
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);

        var badCategory = await api.UploadAsync("UPL", TestDocuments.UniqueText("bad-category"), "a.txt",
            new Dictionary<string, string> { ["submitterName"] = "X", ["category"] = "pirates" });
        Assert.AreEqual(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("community-group", (await ApiClient.ProblemAsync(badCategory))["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_original_file_comes_back_byte_for_byte()
    {
        var pdf = TestDocuments.Pdf(["1. A single page about village halls and the original-file check."]);
        var reference = await api.UploadAcceptedAsync("UPL", pdf, "original.pdf");

        var response = await api.Http.GetAsync($"/api/submissions/{reference}/file");

        Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.AreSequenceEqual(pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [TestMethod]
    public async Task Inquiries_are_listed_with_their_submission_counts_and_prefixes_are_checked()
    {
        await api.CreateInquiryAsync("CNT");
        await api.UploadAcceptedAsync("CNT", TestDocuments.UniqueText("count-1"), "a.txt");

        var inquiry = await api.GetJsonAsync("/api/inquiries/CNT");
        Assert.AreEqual(1, inquiry["submissionCount"]!.GetValue<int>());

        var bad = await api.Http.PostAsJsonAsync("/api/inquiries", new { title = "Bad", referencePrefix = "lower" });
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        var taken = await api.Http.PostAsJsonAsync("/api/inquiries", new { title = "Again", referencePrefix = "CNT" });
        Assert.AreEqual(HttpStatusCode.Conflict, taken.StatusCode);

        var list = await api.GetJsonAsync("/api/inquiries");
        Assert.Contains(i => i!["prefix"]!.GetValue<string>() == "CNT", list.AsArray());
    }

    [TestMethod]
    public async Task Listing_filters_by_status_and_pages_in_reference_order()
    {
        await api.CreateInquiryAsync("LST");
        for (var i = 0; i < 3; i++)
        {
            await api.WaitUntilDoneAsync(await api.UploadAcceptedAsync("LST", TestDocuments.UniqueText($"list-{i}"), $"l{i}.txt"));
        }

        var page = await api.GetJsonAsync("/api/inquiries/LST/submissions?status=indexed&pageSize=2&page=2");

        Assert.AreEqual(3, page["total"]!.GetValue<int>());
        Assert.AreEqual("LST0003", page["items"]![0]!["reference"]!.GetValue<string>());
        var bad = await api.Http.GetAsync("/api/inquiries/LST/submissions?status=lost");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [TestMethod]
    public async Task Unknown_submission_is_a_problem_not_a_stack_trace()
    {
        var response = await api.Http.GetAsync("/api/submissions/UPL9999");
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.AreEqual("Not found", problem["title"]!.GetValue<string>());
    }
}
