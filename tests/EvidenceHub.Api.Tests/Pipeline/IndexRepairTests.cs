using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Pipeline;

/// <summary>The reconciler finds where the index and the database disagree on what the public may read, and repairs it.</summary>
[TestClass]
public sealed class IndexRepairTests
{
    [TestMethod]
    public async Task An_index_entry_that_shows_unpublished_evidence_or_a_deleted_submission_is_rewritten_from_the_database()
    {
        using var factory = new EvidenceHubFactory(settings: new Dictionary<string, string?> { ["EvidenceHub:ReconcileEvery"] = "00:00:01" });
        var admin = new ApiClient(factory.CreateAdminClient());
        var visitor = new ApiClient(factory.CreatePublicClient());
        await admin.CreateInquiryAsync("REP");
        var published = await admin.UploadAcceptedAsync("REP", TestDocuments.Text("1. Published words about weirs."), "weirs.txt");
        var received = await admin.UploadAcceptedAsync("REP", TestDocuments.Text("1. Unpublished words about sluices."), "sluices.txt");
        await admin.WaitUntilDoneAsync(published);
        await admin.WaitUntilDoneAsync(received);
        await admin.PublishAsync(published);
        await visitor.WaitForTotalAsync("q=weirs", 1);

        // Tamper with the index the way a lost job or a crash could leave it: the received submission written
        // as published, and entries of a submission that does not exist.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
            var index = scope.ServiceProvider.GetRequiredService<PassageIndex>();
            var submission = await db.Submissions.AsNoTracking().Include(s => s.Inquiry).SingleAsync(s => s.Reference == received);
            var passages = await db.Passages.AsNoTracking().Where(p => p.SubmissionId == submission.Id).ToListAsync();
            submission.Publication = Publication.Published;
            index.ReplaceSubmission(submission.Id, SubmissionDocuments.For(submission, "REP", passages));
            submission.Id = 987_654;
            submission.Reference = "REP9999";
            index.ReplaceSubmission(submission.Id, SubmissionDocuments.For(submission, "REP", passages.Select(p => new Passage
            {
                Id = p.Id + 1_000_000, SubmissionId = 987_654, Ordinal = p.Ordinal, Text = "Orphaned words about sluices.",
            })));
            index.Commit();
        }

        // Within a round or two of the reconciler, the public no longer finds either.
        await visitor.WaitForTotalAsync("q=sluices", 0, TimeSpan.FromSeconds(20));
        await admin.WaitForTotalAsync("q=sluices", 1, TimeSpan.FromSeconds(20));
        Assert.AreEqual(received, (await admin.SearchAsync("q=sluices"))["hits"]![0]!["reference"]!.GetValue<string>(), "the orphan is gone, the real one stays");
        Assert.AreEqual(1, (await visitor.SearchAsync("q=weirs"))["total"]!.GetValue<int>(), "what agreed is untouched");
    }
}
