using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Extraction;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Tests.Pipeline;

/// <summary>
/// A group of files read by the real extraction child processes, each share of it sent to a child in one exchange:
/// a file that ends its reader fails alone, with its plain reason, and the files around it are read.
/// </summary>
[TestClass]
public sealed class ExtractionGroupTests
{
    [TestMethod]
    public async Task A_group_with_a_file_that_kills_its_reader_fails_that_file_after_two_tries_and_reads_the_rest()
    {
        using var pool = Pool(processes: 2, timeout: TimeSpan.FromMinutes(1));
        var files = Texts(8, killerAt: 2, ExtractionChildren.Exit);

        var results = await pool.ExtractManyAsync(files, CancellationToken.None);

        Assert.HasCount(files.Count, results);
        AssertReadInOrder(results, except: 2);
        Assert.IsNull(results[2].Document);
        Assert.AreEqual(ExtractionFailureKind.CorruptFile, results[2].Failure!.Kind);
        Assert.Contains("stopped abruptly on this file, and again on a second try", results[2].Failure!.Message);
        Assert.AreEqual(2, pool.Started - pool.ProcessIds.Count, "two child processes died on the killer, and no other");
        Assert.IsLessThanOrEqualTo(2, pool.ProcessIds.Count, "no more children than asked for");
    }

    [TestMethod]
    public async Task A_group_with_a_file_that_hangs_times_that_file_out_and_reads_the_rest_within_their_own_limits()
    {
        // One child, so the files after the hung one were sent in the same exchange and wait behind it.
        using var pool = Pool(processes: 1, timeout: TimeSpan.FromSeconds(3));
        var files = Texts(5, killerAt: 1, ExtractionChildren.Hang);

        var results = await pool.ExtractManyAsync(files, CancellationToken.None);

        AssertReadInOrder(results, except: 1);
        Assert.AreEqual(ExtractionFailureKind.TimedOut, results[1].Failure!.Kind);
        Assert.AreEqual(2, pool.Started, "the hung child was killed and one fresh child read the files after it");
    }

    [TestMethod]
    public async Task A_single_file_is_a_group_of_one()
    {
        using var pool = Pool(processes: 2, timeout: TimeSpan.FromMinutes(1));

        var document = await pool.ExtractAsync(TestDocuments.UniqueText("alone"), new ExtractionRequest(DocumentType.Text), CancellationToken.None);

        Assert.Contains("Marker alone for this file.", Text(document));
        Assert.AreEqual(1, pool.Started);
    }

    private static ExtractionProcessPool Pool(int processes, TimeSpan timeout) => new(ExtractionChildren.WithTestHooks,
        Options.Create(new EvidenceHubOptions { ExtractionProcesses = processes, ExtractionTimeout = timeout }),
        NullLogger<ExtractionProcessPool>.Instance);

    private static List<ExtractionFile> Texts(int count, int killerAt, string hook) => [.. Enumerable.Range(0, count).Select(i =>
        new ExtractionFile(TestDocuments.UniqueText(i == killerAt ? hook : $"file-{i}"), new ExtractionRequest(DocumentType.Text)))];

    private static string Text(ExtractedDocument document) => string.Join("\n", document.Passages.Select(p => p.Text));

    private static void AssertReadInOrder(IReadOnlyList<ExtractionResult> results, int except)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (i != except)
            {
                Assert.IsNull(results[i].Failure, results[i].Failure?.Message);
                Assert.Contains($"Marker file-{i} for this file.", Text(results[i].Document!));
            }
        }
    }
}
