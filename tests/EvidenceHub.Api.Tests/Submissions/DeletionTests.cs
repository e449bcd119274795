using System.Net;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Api.Tests.Themes;
using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Tests.Submissions;

/// <summary>
/// An erasure request: <c>DELETE /api/submissions/{reference}</c> takes the submission, its versions,
/// passages, files, index entries and tags, keeps its quotes as source-deleted without the evidence,
/// never issues its reference again, and is audited without the content.
/// </summary>
[TestClass]
public sealed class DeletionTests
{
    private const string ClerkEmail = "clerk@deletion.test";
    private static EvidenceHubFactory factory = null!;
    private static ApiClient admin = null!;
    private static ApiClient clerk = null!;
    private static ApiClient researcher = null!;
    private static ApiClient visitor = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        admin = new ApiClient(factory.CreateAdminClient());
        visitor = new ApiClient(factory.CreatePublicClient());
        await admin.CreateInquiryAsync("DEL");
        await admin.CreateInquiryAsync("DEX");
        clerk = new ApiClient(await factory.CreateUserClientAsync(ClerkEmail, "clerk", "DEL"));
        researcher = new ApiClient(await factory.CreateUserClientAsync("researcher@deletion.test", "researcher", "DEL"));
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Deleting_a_submission_erases_it_everywhere_at_once_and_keeps_its_quotes_as_source_deleted()
    {
        const string Quoted = "Quokka hall volunteers open the doors every weekend of the year.";
        var first = TestDocuments.Text("1. " + Quoted, "2. The first version says quokkaphile.");
        var (reference, passages) = await admin.UploadIndexedAsync("DEL", first, "quokka.txt", new()
        {
            ["submitterName"] = "Erin Erasable", ["organisation"] = "Quokka Hall Trust", ["title"] = "Evidence from the Quokka Hall Trust",
        });
        await admin.PublishAsync(reference);
        var theme = await admin.CreateThemeAsync("DEL", "Halls", "quokka");
        var handTheme = await admin.CreateThemeAsync("DEL", "Volunteers", "nothingmatchesthis");
        await admin.TagAsync($"/api/submissions/{reference}/themes", handTheme);
        var quote = await admin.QuoteCreatedAsync(passages.PassageWithParagraph("1"), "volunteers open the doors", "Deletion chapter",
            note: "Quokka Hall Trust: volunteers open the doors");

        var corrected = await admin.PostVersionAsync(reference, TestDocuments.Text("1. " + Quoted, "2. The corrected version says quokkaphobe."), "quokka-v2.txt");
        Assert.AreEqual(HttpStatusCode.Accepted, corrected.StatusCode, await corrected.Content.ReadAsStringAsync());
        Assert.AreEqual("indexed", (await admin.WaitUntilDoneAsync(reference))["status"]!.GetValue<string>());
        var files = (await admin.GetJsonAsync($"/api/submissions/{reference}/versions")).AsArray().Select(v => v!["sha256"]!.GetValue<string>()).ToList();
        Assert.HasCount(2, files);
        // The first version's bytes are also another inquiry's submission: that file must stay.
        var sharing = await admin.UploadAcceptedAsync("DEX", first, "same-bytes.txt");
        await visitor.WaitForTotalAsync("q=quokkaphobe", 1);
        await admin.WaitForTotalAsync("inquiry=DEL&theme=Halls", 1);
        Assert.IsTrue(files.All(f => File.Exists(BlobPath(f))));

        var deleted = await clerk.Http.DeleteAsync($"/api/submissions/{reference}");
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode, await deleted.Content.ReadAsStringAsync());

        // At once, without waiting for anything: no read shows it.
        foreach (var path in new[] { "", "/passages", "/file", "/file?version=1", "/versions", "/themes", "/search?q=quokka", "/similar" })
        {
            Assert.AreEqual(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/submissions/{reference}{path}")).StatusCode, path);
        }

        Assert.AreEqual(0, (await visitor.SearchAsync("q=quokkaphobe"))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await admin.SearchAsync("q=quokka&inquiry=DEL"))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await admin.SearchAsync("q=" + Uri.EscapeDataString($"ref:{reference}")))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await admin.SearchAsync("inquiry=DEL&theme=Halls"))["total"]!.GetValue<int>(), "its tags are gone");
        Assert.AreEqual(0, (await admin.SearchAsync("inquiry=DEL&theme=Volunteers"))["total"]!.GetValue<int>());
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.Http.DeleteAsync($"/api/submissions/{reference}")).StatusCode);

        // The quote stays where the author filed it, with where it stood and none of the evidence.
        var quotes = (await admin.GetJsonAsync("/api/quotes?collection=" + Uri.EscapeDataString("Deletion chapter"))).AsArray();
        var kept = quotes.Single(q => q!["id"]!.GetValue<long>() == quote["id"]!.GetValue<long>())!;
        Assert.AreEqual("source-deleted", kept.Str("status"));
        Assert.AreEqual(string.Empty, kept.Str("text"));
        Assert.AreEqual(reference, kept.Str("reference"));
        Assert.AreEqual("1", kept["location"]!["paragraph"]!.GetValue<string>());
        Assert.AreEqual($"{reference} para 1 (source deleted)", kept.Str("citation"));
        Assert.IsNull(kept["note"]);
        Assert.IsNull(kept["sourceSha256"]);
        foreach (var trace in new[] { "volunteers", "Quokka", "Erin" })
        {
            Assert.DoesNotContain(trace, kept.ToJsonString());
        }

        var markdown = await admin.Http.GetStringAsync("/api/quotes/export?format=md&collection=" + Uri.EscapeDataString("Deletion chapter"));
        Assert.Contains("Source deleted", markdown);
        Assert.Contains($"{reference} para 1 (source deleted)", markdown);
        Assert.DoesNotContain("volunteers", markdown);
        var csv = await admin.Http.GetStringAsync("/api/quotes/export?format=csv&collection=" + Uri.EscapeDataString("Deletion chapter"));
        Assert.Contains(",source-deleted\r\n", csv);

        // Its files are gone from disk, except the bytes another submission still holds.
        Assert.IsTrue(File.Exists(BlobPath(files[0])), "version 1's bytes are also another inquiry's submission");
        Assert.IsFalse(File.Exists(BlobPath(files[1])), "the corrected version's file is erased");
        Assert.AreSequenceEqual(first, await admin.Http.GetByteArrayAsync($"/api/submissions/{sharing}/file"), "and it still downloads");

        // The reference is never issued again.
        var next = await clerk.UploadAcceptedAsync("DEL", TestDocuments.UniqueText("after-the-deletion"), "next.txt");
        Assert.AreEqual(int.Parse(reference[3..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(next[3..], System.Globalization.CultureInfo.InvariantCulture), $"{next} follows {reference}");

        // The audit keeps that it happened, who and when; not what it said or who sent it.
        var audit = await admin.GetJsonAsync($"/api/audit?action=deleted&reference={reference}");
        var entry = audit["items"]!.AsArray().Single()!;
        Assert.AreEqual(ClerkEmail, entry.Str("user"));
        Assert.AreEqual("DEL", entry.Str("inquiry"));
        foreach (var content in new[] { "Quokka", "Erin", "volunteers", "quokka.txt" })
        {
            Assert.DoesNotContain(content, entry.ToJsonString());
        }
    }

    [TestMethod]
    public async Task Only_a_clerk_of_its_inquiry_may_delete_a_submission()
    {
        var reference = await admin.UploadAcceptedAsync("DEL", TestDocuments.UniqueText("not-yours-to-delete"), "keep.txt");
        var elsewhere = await admin.UploadAcceptedAsync("DEX", TestDocuments.UniqueText("another-inquiry"), "other.txt");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await researcher.Http.DeleteAsync($"/api/submissions/{reference}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await visitor.Http.DeleteAsync($"/api/submissions/{reference}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.Http.DeleteAsync($"/api/submissions/{elsewhere}")).StatusCode, "a clerk of another inquiry");
        Assert.AreEqual(HttpStatusCode.OK, (await admin.Http.GetAsync($"/api/submissions/{reference}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await admin.Http.GetAsync($"/api/submissions/{elsewhere}")).StatusCode);
    }

    [TestMethod]
    public async Task Every_job_run_for_a_deleted_submission_finds_nothing_and_ends_quietly()
    {
        var (reference, _) = await admin.UploadIndexedAsync("DEL", TestDocuments.UniqueText("wombatry"), "jobs.txt", new() { ["submitterName"] = "Job Example" });
        var theme = await admin.CreateThemeAsync("DEL", "Wombats", "wombatry");
        await admin.WaitForTotalAsync("inquiry=DEL&theme=Wombats", 1);
        var id = await SubmissionIdAsync(reference);

        Assert.AreEqual(HttpStatusCode.NoContent, (await clerk.Http.DeleteAsync($"/api/submissions/{reference}")).StatusCode);

        // As Hangfire would run them, late: a queued run of the pipeline, a refresh, a rule run; then a full rebuild.
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProcessSubmissionJob>().RunAsync(id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ProcessSubmissionJob>().RefreshAsync(id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ApplyThemeRuleJob>().RunAsync(theme, CancellationToken.None);
            await factory.Services.GetRequiredService<EvidenceHub.Core.Replication.IndexReplica>().RebuildAsync();
        }

        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/submissions/{reference}")).StatusCode);
        Assert.AreEqual(0, (await admin.SearchAsync("q=wombatry"))["total"]!.GetValue<int>());
        Assert.AreEqual(0, (await admin.SearchAsync("inquiry=DEL&theme=Wombats"))["total"]!.GetValue<int>());
        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        Assert.IsFalse(await db.Passages.AnyAsync(p => p.SubmissionId == id), "no job wrote its passages back");
        Assert.IsFalse(await db.Set<EvidenceHub.Core.Themes.ThemeTag>().AnyAsync(t => t.SubmissionId == id), "no job wrote its tags back");
    }

    private static async Task<long> SubmissionIdAsync(string reference)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        return await db.Submissions.Where(s => s.Reference == reference).Select(s => s.Id).SingleAsync();
    }

    private static string BlobPath(string sha256) =>
        Path.Combine(factory.Services.GetRequiredService<IOptions<EvidenceHubOptions>>().Value.FullFilesDirectory, sha256[..2], sha256);
}
