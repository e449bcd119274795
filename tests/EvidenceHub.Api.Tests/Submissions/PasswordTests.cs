using System.Net;
using System.Net.Http.Json;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Submissions;

/// <summary>
/// A password-protected PDF (encrypted here with qpdf, which scripts/test.sh installs): it fails with a
/// reason a clerk can act on, a wrong password fails it again and is not kept, the right one gets it
/// read and searchable, and no password stays in the database afterwards.
/// </summary>
[TestClass]
public sealed class PasswordTests
{
    private const string Prefix = "PWD";
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync(Prefix);
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_protected_pdf_waits_for_its_password_and_no_password_is_kept()
    {
        var pdf = TestDocuments.EncryptedPdf(TestDocuments.Pdf(["1. The lantern festival brings the whole valley together every autumn."]), "opensesame");
        var reference = await api.UploadAcceptedAsync(Prefix, pdf, "protected.pdf",
            new Dictionary<string, string> { ["submitterName"] = "Fictional Valley Trust" });

        var failed = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("failed", failed["status"]!.GetValue<string>());
        Assert.AreEqual("needs-password", failed["failureKind"]!.GetValue<string>(), failed.ToJsonString());
        Assert.Contains("password", failed["failureReason"]!.GetValue<string>());

        await SupplyAsync(reference, "wrong-guess");
        failed = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("needs-password", failed["failureKind"]!.GetValue<string>(), "a wrong password fails it again");
        Assert.IsNull(await StoredPasswordAsync(reference), "a wrong password is not kept");

        await SupplyAsync(reference, "opensesame");
        var indexed = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", indexed["status"]!.GetValue<string>(), indexed.ToJsonString());
        Assert.IsNull(await StoredPasswordAsync(reference), "the password is dropped once the file is read");
        var results = await api.SearchAsync("q=" + Uri.EscapeDataString("\"lantern festival\""));
        Assert.AreEqual(reference, results["hits"]![0]!["reference"]!.GetValue<string>());

        var notWaiting = await api.Http.PostAsJsonAsync($"/api/submissions/{reference}/password", new { password = "opensesame" });
        Assert.AreEqual(HttpStatusCode.Conflict, notWaiting.StatusCode, "only a file that needs a password takes one");
    }

    private static async Task SupplyAsync(string reference, string password)
    {
        var response = await api.Http.PostAsJsonAsync($"/api/submissions/{reference}/password", new { password });
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string?> StoredPasswordAsync(string reference)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        return await db.Submissions.Where(s => s.Reference == reference).Select(s => s.Password).SingleAsync();
    }
}
