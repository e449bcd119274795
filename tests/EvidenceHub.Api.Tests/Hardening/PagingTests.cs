using System.Net;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Hardening;

/// <summary>A page out of range is a 400 naming the valid range, on lists and on search alike — never clamped, never a 500.</summary>
[TestClass]
public sealed class PagingTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("PAG");
        await api.WaitUntilDoneAsync(await api.UploadAcceptedAsync("PAG", TestDocuments.UniqueText("paging"), "paging.txt"));
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    [DataRow("page=0")]
    [DataRow("page=-1")]
    [DataRow("page=100001")]
    [DataRow("page=200000000")]
    [DataRow("pageSize=0")]
    [DataRow("pageSize=101")]
    [DataRow("page=2147483647&pageSize=100")]
    [DataRow("page=99999999999")]
    public async Task Search_with_a_page_out_of_range_is_a_400_naming_the_range(string paging)
    {
        var response = await api.Http.GetAsync("/api/search?q=paging&" + paging);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Contains(RangeOf(paging), (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>());
    }

    [TestMethod]
    [DataRow("page=0")]
    [DataRow("page=100001")]
    [DataRow("pageSize=0")]
    [DataRow("pageSize=101")]
    public async Task A_list_with_a_page_out_of_range_is_a_400_naming_the_range(string paging)
    {
        var response = await api.Http.GetAsync("/api/inquiries/PAG/submissions?" + paging);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, await response.Content.ReadAsStringAsync());
        var problem = await ApiClient.ProblemAsync(response);
        Assert.AreEqual("The page asked for is out of range", problem["title"]!.GetValue<string>());
        Assert.Contains(RangeOf(paging), problem["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_edges_of_the_range_are_answered()
    {
        var last = await api.GetJsonAsync("/api/inquiries/PAG/submissions?page=100000&pageSize=100");
        Assert.AreEqual(1, last["total"]!.GetValue<int>());
        Assert.IsEmpty(last["items"]!.AsArray());

        var search = await api.SearchAsync("q=paging&page=100000&pageSize=100");
        Assert.AreEqual(1, search["total"]!.GetValue<int>());
        Assert.IsEmpty(search["hits"]!.AsArray());
        Assert.HasCount(1, (await api.SearchAsync("q=paging&page=1&pageSize=1"))["hits"]!.AsArray());
    }

    private static string RangeOf(string paging) => paging.StartsWith("pageSize", StringComparison.Ordinal) ? "from 1 to 100." : "from 1 to 100,000.";
}
