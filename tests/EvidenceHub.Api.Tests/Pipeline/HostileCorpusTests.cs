using System.Net;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Pipeline;

/// <summary>
/// The damaged, fuzzed, looping, encrypted and scanned files of the shared corpus (written by others, read in place,
/// never copied into the project), uploaded through the API and read by the real extraction child processes.
/// </summary>
[TestClass]
public sealed class HostileCorpusTests
{
    private static readonly string[] Files =
    [
        "pdf/pdfpig__Hang.pdf",
        "pdf/pdfpig__invalid-xref-loop.pdf",
        "pdf/pdfjs__GHOSTSCRIPT-698804-1-fuzzed.pdf",
        "pdf/pdfjs__helloworld-bad.pdf",
        "pdf/pdfpig__EmptyPdf.pdf",
        "pdf/pdfpig__encrypted-password-is-password.pdf",
        "pdf/pdfjs__issue6010_1.pdf",
        "pdf/pdfpig__r4_aes_empty_string.pdf",
        "pdf/pdfjs__scan-bad.pdf",
        "pdf/pdfpig__xref-with-no-whitespace.pdf",
        "docx/oxsdk__document_with_password.docx",
        "docx/oxsdk__empty.docx",
    ];

    private static readonly string[] Kinds = ["needs-password", "no-text-layer", "unsupported-format", "corrupt-file", "too-large", "timed-out"];

    [TestMethod]
    public async Task Every_hostile_file_of_the_corpus_is_read_or_fails_with_a_plain_reason()
    {
        if (FindCorpus() is not { } corpus)
        {
            Assert.Inconclusive("No shared/corpus folder above the work tree on this machine.");
            return;
        }

        using var factory = new EvidenceHubFactory();
        var api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("HST");
        var uploaded = new Dictionary<string, string>();
        foreach (var file in Files)
        {
            var response = await api.UploadAsync("HST", File.ReadAllBytes(Path.Combine(corpus, file)), Path.GetFileName(file));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                uploaded[file] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reference"]!.GetValue<string>();
            }
            else
            {
                var problem = await ApiClient.ProblemAsync(response);
                Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode, $"{file}: {problem}");
                AssertPlain(file, problem["detail"]!.GetValue<string>());
            }
        }

        foreach (var (file, reference) in uploaded)
        {
            var done = await api.WaitUntilDoneAsync(reference, TimeSpan.FromMinutes(4));
            if (done["status"]!.GetValue<string>() == "failed")
            {
                Assert.Contains(done["failureKind"]!.GetValue<string>(), Kinds, $"{file}: {done}");
                AssertPlain(file, done["failureReason"]!.GetValue<string>());
            }
        }
    }

    private static void AssertPlain(string file, string reason)
    {
        Assert.IsGreaterThan(20, reason.Length, $"{file}: a reason, not a code: {reason}");
        foreach (var jargon in new[] { "Exception", "   at ", "UglyToad", "System.", "DocumentFormat." })
        {
            Assert.DoesNotContain(jargon, reason, $"{file}: {reason}");
        }
    }

    private static string? FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
