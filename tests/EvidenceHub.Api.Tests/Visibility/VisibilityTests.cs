using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Visibility;

/// <summary>A public caller never learns of unpublished evidence: not in hits, counts, snippets, downloads or similar.</summary>
[TestClass]
public sealed class VisibilityTests
{
    private const string Audience = "X-EvidenceHub-Audience";

    private static EvidenceHubFactory factory = null!;
    private static ApiClient staff = null!;
    private static ApiClient visitor = null!;
    private static string busPublished = null!;
    private static string busHidden = null!;
    private static string library = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        staff = new ApiClient(factory.CreateAdminClient());
        visitor = new ApiClient(factory.CreatePublicClient());

        await staff.CreateInquiryAsync("VIS");
        busPublished = await UploadAsync("Rural bus services are disappearing and bus routes no longer connect villages to market towns.",
            "Village Transport Group", "community-group");
        busHidden = await UploadAsync("Bus routes to villages were cut; rural bus services need secret zephyr funding to connect market towns.",
            "Hidden Bus Charity", "charity");
        library = await UploadAsync("Library opening hours were reduced and volunteers now keep the library open.",
            "Friends of the Library", "charity");
        await staff.PublishAsync(busPublished);
        await staff.PublishAsync(library);
        await visitor.WaitForTotalAsync("inquiry=VIS", 2);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    private static async Task<string> UploadAsync(string text, string organisation, string category)
    {
        var reference = await staff.UploadAcceptedAsync("VIS", TestDocuments.Text("1. " + text), organisation + ".txt",
            new Dictionary<string, string> { ["submitterName"] = "A. Witness", ["organisation"] = organisation, ["category"] = category, ["receivedOn"] = "2024-02-01" });
        await staff.WaitUntilDoneAsync(reference);
        return reference;
    }

    [TestMethod]
    public async Task A_public_caller_sees_no_unpublished_submission_in_hits_facet_counts_or_snippets()
    {
        Assert.AreEqual(0, (await visitor.SearchAsync("q=zephyr"))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await staff.SearchAsync("q=zephyr"))["total"]!.GetValue<int>());

        var results = await visitor.SearchAsync("q=bus&facetLimit=100");
        Assert.AreEqual(1, results["total"]!.GetValue<int>());
        Assert.AreEqual(busPublished, results["hits"]![0]!["reference"]!.GetValue<string>());
        Assert.DoesNotContain("zephyr", results.ToJsonString());
        Assert.DoesNotContain("Hidden Bus Charity", results.ToJsonString());

        // Counts ignoring the category filter still only count what the caller may see.
        var filtered = await visitor.SearchAsync("inquiry=VIS&category=community-group");
        Assert.AreEqual(1, Count(filtered, "category", "charity"), "only the published charity counts");
        Assert.AreEqual(1, Count(filtered, "category", "community-group"));
        Assert.AreEqual(2, Count(await visitor.SearchAsync("inquiry=VIS"), "inquiry", "VIS"));
        Assert.AreEqual(3, Count(await staff.SearchAsync("inquiry=VIS"), "inquiry", "VIS"));
    }

    [TestMethod]
    public async Task A_hidden_submission_is_not_found_for_a_public_caller_on_every_read_path()
    {
        foreach (var path in new[] { "", "/passages", "/file", "/search?q=bus", "/similar" })
        {
            var url = $"/api/submissions/{busHidden}{path}";
            var hidden = await visitor.Http.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.NotFound, hidden.StatusCode, url);
            Assert.DoesNotContain("zephyr", await hidden.Content.ReadAsStringAsync());
            Assert.AreEqual(HttpStatusCode.OK, (await staff.Http.GetAsync(url)).StatusCode, url);
            Assert.AreEqual(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/api/submissions/{busPublished}{path}")).StatusCode, url);
        }

        Assert.AreEqual(2, (await visitor.GetJsonAsync("/api/inquiries/VIS/submissions"))["total"]!.GetValue<int>());
        Assert.AreEqual(2, (await visitor.GetJsonAsync("/api/inquiries/VIS"))["submissionCount"]!.GetValue<int>());
        Assert.AreEqual(3, (await staff.GetJsonAsync("/api/inquiries/VIS"))["submissionCount"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task Similar_submissions_leave_out_the_submission_itself_and_what_the_caller_may_not_see()
    {
        var forStaff = (await staff.GetJsonAsync($"/api/submissions/{busPublished}/similar")).AsArray();
        Assert.AreEqual(busHidden, forStaff[0]!["reference"]!.GetValue<string>(), "the other bus submission is the most alike");
        Assert.DoesNotContain(busPublished, References(forStaff), "a submission is not like itself");
        Assert.IsFalse(string.IsNullOrEmpty(forStaff[0]!["passages"]![0]!["citation"]!.GetValue<string>()));

        var forPublic = (await visitor.GetJsonAsync($"/api/submissions/{busPublished}/similar")).AsArray();
        Assert.DoesNotContain(busHidden, References(forPublic));
        Assert.DoesNotContain("zephyr", forPublic.ToJsonString());
    }

    [TestMethod]
    public async Task Publishing_a_submission_makes_it_visible_to_the_public_within_seconds()
    {
        var reference = await UploadAsync("Quokka sanctuaries deserve a hearing of their own.", "Quokka Trust", "charity");
        Assert.AreEqual(0, (await visitor.SearchAsync("q=quokka"))["total"]!.GetValue<int>());
        Assert.AreEqual(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/submissions/{reference}")).StatusCode);

        await staff.PublishAsync(reference);

        var found = await visitor.WaitForTotalAsync("q=quokka", 1, TimeSpan.FromSeconds(5));
        Assert.Contains("<mark>", found["hits"]![0]!["passages"]![0]!["snippet"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/api/submissions/{reference}/file")).StatusCode);
    }

    [TestMethod]
    public async Task The_old_audience_and_user_headers_grant_nothing()
    {
        var client = factory.CreatePublicClient();
        client.DefaultRequestHeaders.Add(Audience, "staff");
        client.DefaultRequestHeaders.Add("X-EvidenceHub-User", "staff");
        var api = new ApiClient(client);

        Assert.AreEqual(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/submissions/{busHidden}")).StatusCode);
        Assert.AreEqual(0, (await api.SearchAsync("q=zephyr"))["total"]!.GetValue<int>());
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await api.UploadAsync("VIS", TestDocuments.UniqueText("header"), "x.txt")).StatusCode);
    }

    [TestMethod]
    public async Task A_public_caller_cannot_change_anything_or_open_the_job_dashboard()
    {
        var publish = await visitor.Http.PostAsJsonAsync($"/api/submissions/{busHidden}/publication", new { publication = "published" });
        Assert.AreEqual(HttpStatusCode.Unauthorized, publish.StatusCode);
        Assert.AreEqual("Sign in first", (await ApiClient.ProblemAsync(publish))["title"]!.GetValue<string>());

        var upload = await visitor.UploadAsync("VIS", TestDocuments.UniqueText("public-upload"), "public.txt");
        Assert.AreEqual(HttpStatusCode.Unauthorized, upload.StatusCode);
        var inquiry = await visitor.Http.PostAsJsonAsync("/api/inquiries", new { title = "Public", referencePrefix = "PUB" });
        Assert.AreEqual(HttpStatusCode.Unauthorized, inquiry.StatusCode);
        var reindex = await visitor.Http.PostAsync("/api/admin/reindex", null);
        Assert.AreEqual(HttpStatusCode.Unauthorized, reindex.StatusCode);
        var dashboard = await visitor.Http.GetAsync("/hangfire");
        Assert.IsFalse(dashboard.IsSuccessStatusCode, "the job dashboard is for staff");

        Assert.AreEqual("received", (await staff.GetJsonAsync($"/api/submissions/{busHidden}"))["publication"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.OK, (await staff.Http.GetAsync("/hangfire")).StatusCode);
    }

    private static List<string> References(JsonArray hits) => hits.Select(h => h!["reference"]!.GetValue<string>()).ToList();

    private static int Count(JsonNode results, string facet, string value) =>
        results["facets"]![facet]!.AsArray().FirstOrDefault(v => v!["value"]!.GetValue<string>() == value)?["count"]!.GetValue<int>() ?? 0;
}
