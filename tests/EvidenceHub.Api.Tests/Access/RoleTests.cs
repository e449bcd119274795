using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>Roles are per inquiry: each does its own work there, reads its unpublished evidence, and sees nothing more elsewhere than the public does.</summary>
[TestClass]
public sealed class RoleTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;
    private static ApiClient clerk = null!;
    private static ApiClient researcher = null!;
    private static ApiClient author = null!;
    private static string ownUnpublished = null!;
    private static string otherUnpublished = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("ROLA");
        await admin.CreateInquiryAsync("ROLB");
        clerk = new ApiClient(await factory.CreateUserClientAsync("clerk@example.org", "clerk", "ROLA"));
        researcher = new ApiClient(await factory.CreateUserClientAsync("researcher@example.org", "researcher", "ROLA"));
        author = new ApiClient(await factory.CreateUserClientAsync("author@example.org", "author", "ROLA"));
        ownUnpublished = await clerk.UploadAcceptedAsync("ROLA", TestDocuments.Text("1. Our ferry timetable was cut in half."), "ferry.txt");
        otherUnpublished = await admin.UploadAcceptedAsync("ROLB", TestDocuments.Text("1. Unpublished words about lighthouses."), "lighthouse.txt");
        await admin.WaitUntilDoneAsync(ownUnpublished);
        await admin.WaitUntilDoneAsync(otherUnpublished);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_clerk_uploads_and_publishes_in_their_inquiry_only()
    {
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.UploadAsync("ROLB", TestDocuments.UniqueText("clerk-b"), "b.txt")).StatusCode);
        var publish = await clerk.Http.PostAsJsonAsync($"/api/submissions/{otherUnpublished}/publication", new { publication = "published" });
        Assert.AreEqual(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.AreEqual("Your account does not have the role this needs", (await ApiClient.ProblemAsync(publish))["title"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.PostAsJsonAsync("/api/inquiries/ROLA/themes", new { name = "Ferries", rule = "ferry" })).StatusCode,
            "the codebook is the researchers'");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync("/api/users")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.PostAsync("/api/admin/reindex", null)).StatusCode);
        Assert.IsFalse((await clerk.Http.GetAsync("/hangfire")).IsSuccessStatusCode, "the job dashboard is for administrators");
    }

    [TestMethod]
    public async Task A_researcher_reads_unpublished_evidence_and_keeps_the_codebook_but_cannot_publish()
    {
        Assert.AreEqual("received", (await researcher.GetJsonAsync($"/api/submissions/{ownUnpublished}"))["publication"]!.GetValue<string>());
        var publish = await researcher.Http.PostAsJsonAsync($"/api/submissions/{ownUnpublished}/publication", new { publication = "published" });
        Assert.AreEqual(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await researcher.UploadAsync("ROLA", TestDocuments.UniqueText("researcher"), "r.txt")).StatusCode);

        var theme = await researcher.Http.PostAsJsonAsync("/api/inquiries/ROLA/themes", new { name = "Ferries", rule = "ferry" });
        Assert.AreEqual(HttpStatusCode.Created, theme.StatusCode, await theme.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Forbidden, (await researcher.Http.PostAsJsonAsync("/api/inquiries/ROLB/themes", new { name = "Lights", rule = "lighthouse" })).StatusCode);
    }

    [TestMethod]
    public async Task A_role_in_one_inquiry_shows_nothing_unpublished_of_another()
    {
        foreach (var user in new[] { clerk, researcher, author })
        {
            Assert.AreEqual(HttpStatusCode.NotFound, (await user.Http.GetAsync($"/api/submissions/{otherUnpublished}")).StatusCode);
            Assert.AreEqual(HttpStatusCode.OK, (await user.Http.GetAsync($"/api/submissions/{ownUnpublished}")).StatusCode);
            Assert.AreEqual(HttpStatusCode.Forbidden, (await user.Http.GetAsync($"/api/submissions/{otherUnpublished}/versions")).StatusCode);
            Assert.AreEqual(HttpStatusCode.NotFound, (await user.Http.GetAsync("/api/inquiries/ROLB/submissions")).StatusCode,
                "an inquiry with nothing published does not exist outside it");
        }

        Assert.AreEqual(1, (await admin.GetJsonAsync("/api/inquiries/ROLB/submissions"))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await clerk.SearchAsync("inquiry=ROLB"))["total"]!.GetValue<int>());
        Assert.AreEqual(1, (await clerk.SearchAsync("inquiry=ROLA"))["total"]!.GetValue<int>(), "their own inquiry's unpublished evidence is searchable");
    }

    [TestMethod]
    public async Task An_author_keeps_quotes_of_their_inquiry_only()
    {
        var passage = (await admin.GetJsonAsync($"/api/submissions/{ownUnpublished}/passages"))[0]!;
        var quote = await author.Http.PostAsJsonAsync("/api/quotes", new { passageId = passage["id"]!.GetValue<long>(), text = "ferry timetable" });
        Assert.AreEqual(HttpStatusCode.Created, quote.StatusCode, await quote.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Forbidden, (await researcher.Http.PostAsJsonAsync("/api/quotes", new { passageId = passage["id"]!.GetValue<long>(), text = "ferry" })).StatusCode);

        var other = (await admin.GetJsonAsync($"/api/submissions/{otherUnpublished}/passages"))[0]!;
        var refused = await author.Http.PostAsJsonAsync("/api/quotes", new { passageId = other["id"]!.GetValue<long>(), text = "lighthouses" });
        Assert.IsTrue(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());

        var mine = (await author.GetJsonAsync("/api/quotes")).AsArray();
        Assert.IsTrue(mine.All(q => q!["reference"]!.GetValue<string>().StartsWith("ROLA", StringComparison.Ordinal)));
        Assert.IsNotEmpty(mine);
    }

    [TestMethod]
    public async Task An_administrator_grants_and_takes_away_roles_and_it_applies_at_once()
    {
        var users = (await admin.GetJsonAsync("/api/users")).AsArray();
        var id = users.Single(u => u!["email"]!.GetValue<string>() == "clerk@example.org")!["id"]!.GetValue<long>();
        var granted = await admin.Http.PutAsJsonAsync($"/api/inquiries/ROLB/members/{id}", new { role = "researcher" });
        Assert.AreEqual(HttpStatusCode.OK, granted.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/api/submissions/{otherUnpublished}")).StatusCode);

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/inquiries/ROLB/members/{id}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await clerk.Http.GetAsync($"/api/submissions/{otherUnpublished}")).StatusCode);

        var unknown = await admin.Http.PutAsJsonAsync($"/api/inquiries/ROLB/members/{id}", new { role = "editor" });
        Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode);

        var audit = await admin.GetJsonAsync("/api/audit?action=role-changed");
        Assert.Contains(a => a!["detail"]!.GetValue<string>() == "clerk@example.org: researcher" && a["inquiry"]!.GetValue<string>() == "ROLB", audit["items"]!.AsArray());
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync("/api/audit")).StatusCode);
    }
}
