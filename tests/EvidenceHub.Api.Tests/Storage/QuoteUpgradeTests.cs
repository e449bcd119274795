using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction;
using EvidenceHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EvidenceHub.Api.Tests.Storage;

/// <summary>
/// Quotes learned their inquiry and reference (so they outlive a deleted submission): a database from
/// before that is upgraded with the quotes it holds filled in, on SQLite and on a real PostgreSQL.
/// </summary>
[TestClass]
public sealed class QuoteUpgradeTests
{
    private const string Before = "Accounts"; // the last migration before quotes carried their inquiry

    [TestMethod]
    public async Task A_quote_from_an_older_database_keeps_its_inquiry_and_reference_after_the_upgrade_on_SQLite()
    {
        var folder = EvidenceHubFactory.NewDataDirectory();
        Directory.CreateDirectory(folder);
        try
        {
            await UpgradeAndCheckAsync(new EvidenceHubOptions { DataDirectory = folder }, null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            EvidenceHubFactory.TryDelete(folder);
        }
    }

    [TestMethod]
    public async Task A_quote_from_an_older_database_keeps_its_inquiry_and_reference_after_the_upgrade_on_PostgreSQL()
    {
        using var server = PostgresServer.Start();
        await UpgradeAndCheckAsync(new EvidenceHubOptions { Storage = StorageMode.PostgreSql }, server.ConnectionString("evidencehub_upgrade"));
    }

    private static async Task UpgradeAndCheckAsync(EvidenceHubOptions options, string? connectionString)
    {
        int inquiryId;
        long submissionId;
        await using (var old = DatabaseRegistration.CreateContext(options, connectionString))
        {
            var migrator = old.GetService<IMigrator>();
            await migrator.MigrateAsync(old.Database.GetMigrations().Single(m => m.EndsWith("_" + Before, StringComparison.Ordinal)));
            var now = DateTimeOffset.UtcNow;
            var inquiry = new Inquiry { Prefix = "UPG", Title = "Upgrade", LastReferenceNumber = 1, CreatedAt = now };
            old.Inquiries.Add(inquiry);
            await old.SaveChangesAsync();
            // The submission as that schema had it (today's model has columns and a change log it had not).
            await old.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Submissions" ("InquiryId", "Number", "Reference", "Kind", "SubmitterName", "Anonymous", "Publication", "Status",
                                           "DocumentType", "FileName", "SizeBytes", "Sha256", "PassageCount", "CreatedAt", "StatusChangedAt")
                VALUES ({0}, 1, 'UPG0001', 'Written', 'Una Example', {1}, 'Received', 'Queued', 'Text', 'u.txt', 0, {2}, 0, {3}, {3})
                """,
                inquiry.Id, false, new string('a', 64), now);
            submissionId = await old.Database.SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM \"Submissions\" WHERE \"Reference\" = 'UPG0001'").SingleAsync();
            inquiryId = inquiry.Id;

            // The quote as the old schema had it: no inquiry, no reference.
            await old.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Quote" ("SubmissionId", "Position", "Text", "Status", "SourceSha256", "PassageOrdinal", "Paragraph",
                                     "Start", "End", "Before", "After", "CreatedAt", "CheckedAt")
                VALUES ({0}, 0, 'old words', 'Ok', {1}, 1, '1', 0, 9, '', '', {2}, {2})
                """,
                submissionId, new string('a', 64), now);
        }

        await using var upgraded = DatabaseRegistration.CreateContext(options, connectionString);
        await upgraded.Database.MigrateAsync();
        var quote = await upgraded.Set<Quote>().AsNoTracking().SingleAsync();
        Assert.AreEqual(inquiryId, quote.InquiryId);
        Assert.AreEqual("UPG0001", quote.Reference);
        Assert.AreEqual(submissionId, quote.SubmissionId);
        Assert.AreEqual("old words", quote.Text);
    }
}
