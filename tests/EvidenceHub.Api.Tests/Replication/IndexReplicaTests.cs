using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Replication;

/// <summary>
/// The node's index replica on the embedded default: a full rebuild is never seen half built, a change id
/// that commits after a higher one is still applied, and a node's index goes on from its watermark.
/// (Two real nodes on PostgreSQL: MultiNode tests.)
/// </summary>
[TestClass]
public sealed class IndexReplicaTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        await admin.CreateInquiryAsync("REP");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_full_rebuild_is_built_beside_the_live_index_and_no_search_sees_it_half_built()
    {
        const int count = 40;
        var uploads = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            admin.UploadAcceptedAsync("REP", TestDocuments.UniqueText($"rebuilt-{i}", "Allotments are looked after by volunteers."), $"rb{i}.txt")));
        foreach (var reference in uploads)
        {
            await admin.WaitUntilDoneAsync(reference);
        }

        await admin.WaitForTotalAsync("inquiry=REP&q=allotments", count);
        var indexFolder = Path.Combine(factory.DataDirectory, "index");
        var generation = await File.ReadAllTextAsync(Path.Combine(indexFolder, "current"));

        var replica = factory.Services.GetRequiredService<IndexReplica>();
        var rebuild = await admin.Http.PostAsync("/api/admin/reindex", null);
        Assert.AreEqual(System.Net.HttpStatusCode.Accepted, rebuild.StatusCode, await rebuild.Content.ReadAsStringAsync());

        // Searches while the new generation is built beside the live one, and after it is swapped in: every one
        // finds everything (a rebuild in place would answer with fewer while it ran).
        var totals = new List<int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && await File.ReadAllTextAsync(Path.Combine(indexFolder, "current")) == generation)
        {
            totals.Add((await admin.SearchAsync("inquiry=REP&q=allotments"))["total"]!.GetValue<int>());
        }

        totals.Add((await admin.SearchAsync("inquiry=REP&q=allotments"))["total"]!.GetValue<int>());
        Assert.AreNotEqual(generation, await File.ReadAllTextAsync(Path.Combine(indexFolder, "current")), "the rebuild swapped in a new generation");
        Assert.IsTrue(totals.All(t => t == count), $"every search found all {count}: {string.Join(",", totals)}");
        for (var attempt = 0; attempt < 100 && Directory.Exists(Path.Combine(indexFolder, generation)); attempt++)
        {
            await Task.Delay(50); // the swap closes the old generation after the new one is named current
        }

        Assert.IsFalse(Directory.Exists(Path.Combine(indexFolder, generation)), "the old generation's folder is gone");
        Assert.IsTrue(replica.Ready);
        Assert.IsFalse((await admin.SearchAsync("q=allotments"))["indexing"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task A_change_whose_id_commits_after_a_higher_one_is_still_applied()
    {
        var reference = await admin.UploadAcceptedAsync("REP", TestDocuments.UniqueText("late-commit"), "late.txt");
        await admin.WaitUntilDoneAsync(reference);
        await admin.PublishAsync(reference);
        var visitor = new ApiClient(factory.CreatePublicClient());
        await visitor.WaitForTotalAsync("q=" + Uri.EscapeDataString("\"marker late-commit\""), 1);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        var id = await db.Submissions.Where(s => s.Reference == reference).Select(s => s.Id).SingleAsync();
        var last = await db.Set<IndexChange>().MaxAsync(c => c.Id);

        // As two transactions on PostgreSQL can: id last+2 commits (and is applied) while last+1 is still open...
        db.Add(new IndexChange { Id = last + 2, SubmissionId = id, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await factory.Services.GetRequiredService<IndexReplica>().CatchUpAsync(CancellationToken.None);
        Assert.AreEqual(1, (await visitor.SearchAsync("q=" + Uri.EscapeDataString("\"marker late-commit\"")))["total"]!.GetValue<int>());

        // ...then last+1 commits: the withdrawal it records holds at once, though a higher id was applied before it.
        await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Publication, Publication.Withheld));
        db.ChangeTracker.Clear();
        db.Add(new IndexChange { Id = last + 1, SubmissionId = id, Urgent = true, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        Assert.AreEqual(0, (await visitor.SearchAsync("q=" + Uri.EscapeDataString("\"marker late-commit\"")))["total"]!.GetValue<int>(),
            "the public search applied the late urgent change before answering");
    }

    [TestMethod]
    public async Task On_the_embedded_default_an_urgent_change_saved_outside_a_request_holds_at_the_next_search()
    {
        // The node reads the change log only when something asks: a poll a minute apart cannot hide a missed change.
        using var node = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:ReplicaPollInterval"] = "00:01:00" });
        var staff = new ApiClient(node.CreateAdminClient());
        await staff.CreateInquiryAsync("URG");
        var reference = await staff.UploadAcceptedAsync("URG", TestDocuments.UniqueText("saved-aside"), "aside.txt");
        await staff.WaitUntilDoneAsync(reference);
        await staff.PublishAsync(reference);
        var visitor = new ApiClient(node.CreatePublicClient());
        var query = "q=" + Uri.EscapeDataString("\"marker saved-aside\"");
        await visitor.WaitForTotalAsync(query, 1);

        // As a job would: withheld through a context of the node's own, and nothing brings the index up to date after.
        using (var scope = node.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
            var submission = await db.Submissions.SingleAsync(s => s.Reference == reference);
            submission.Publication = Publication.Withheld;
            await db.SaveChangesAsync();
        }

        Assert.AreEqual(0, (await visitor.SearchAsync(query))["total"]!.GetValue<int>(),
            "the search found the withheld submission: the node did not apply the urgent change it had saved itself");
    }
}
