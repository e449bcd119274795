using System.Net;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Storage;

/// <summary>The PostgreSQL storage mode (EF Core Npgsql + Hangfire.PostgreSql) against a real server.</summary>
[TestClass]
public sealed class PostgreSqlStorageTests
{
    private static PostgresServer server = null!;
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = PostgresServer.Start();
        factory = new EvidenceHubFactory(settings: new Dictionary<string, string?>
        {
            ["EvidenceHub:Storage"] = "PostgreSql",
            ["ConnectionStrings:EvidenceHub"] = server.ConnectionString("evidencehub_tests"),
        });
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("PGS");
    }

    [ClassCleanup]
    public static void Stop()
    {
        factory.Dispose();
        server.Dispose();
    }

    [TestMethod]
    public async Task An_upload_is_extracted_by_Hangfire_on_PostgreSQL_and_found_by_phrase()
    {
        var pdf = TestDocuments.Pdf(["1. A first page about bus routes."], ["2.3 Neighbourhood boards should hold the capital budget for their own parks."]);
        var reference = await api.UploadAcceptedAsync("PGS", pdf, "boards.pdf",
            new Dictionary<string, string> { ["submitterName"] = "Pat Example", ["organisation"] = "Fictional Parks Forum", ["category"] = "community-group" });

        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>(), submission.ToJsonString());

        var results = await api.SearchAsync("q=" + Uri.EscapeDataString("\"neighbourhood boards\""));
        var passage = results["hits"]![0]!["passages"]![0]!;
        Assert.AreEqual(2, passage["page"]!.GetValue<int>());
        Assert.AreEqual($"Fictional Parks Forum ({reference}) para 2.3", passage["citation"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Twenty_concurrent_uploads_on_PostgreSQL_get_twenty_distinct_references()
    {
        await api.CreateInquiryAsync("PGC");
        var references = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => api.UploadAcceptedAsync("PGC", TestDocuments.UniqueText($"pg-concurrent-{i}"), $"f{i}.txt")));

        Assert.AreSequenceEqual(Enumerable.Range(1, 20).Select(n => $"PGC{n:D4}").ToList(), references.Order().ToList());
    }

    [TestMethod]
    public async Task The_same_file_twice_is_a_409_on_PostgreSQL()
    {
        var content = TestDocuments.UniqueText("pg-duplicate");
        var first = await api.UploadAcceptedAsync("PGS", content, "a.txt");

        var again = await api.UploadAsync("PGS", content, "b.txt");

        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        Assert.AreEqual(first, (await ApiClient.ProblemAsync(again))["existingReference"]!.GetValue<string>());
    }
}
