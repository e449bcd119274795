using EvidenceHub.Extraction;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Runs an extractor under the configured limits. A parser that will not stop is abandoned (its token
/// is cancelled and it is left on a thread of its own) and the submission fails as "timed out"; the
/// Hangfire worker is freed at once. A parser that throws something unforeseen fails the file with a
/// plain reason rather than a retried job that leaves the submission "extracting".
/// </summary>
public sealed class ExtractionRunner(IDocumentExtractor extractor, IOptions<EvidenceHubOptions> options)
{
    public async Task<ExtractedDocument> RunAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.ExtractionTimeout;
        request = request with { MaxPages = options.Value.MaxPages };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var work = Task.Factory.StartNew(
            () => extractor.Extract(content, request, timeout.Token),
            timeout.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(limit, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            timeout.Cancel();
            throw new ExtractionFailedException(ExtractionFailureKind.TimedOut,
                $"Reading the file took longer than the limit of {Describe(limit)}; it may be damaged or unusually complex.", ex);
        }
        catch (OutOfMemoryException ex)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                "Reading the file needed more memory than the server has; it is too large or too complex.", ex);
        }
        catch (Exception ex) when (ex is not ExtractionFailedException and not OperationCanceledException)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                "The file could not be read: it may be damaged, or built in a way the reader does not support.", ex);
        }
    }

    private static string Describe(TimeSpan limit) =>
        limit.TotalMinutes >= 1 ? $"{limit.TotalMinutes:0.#} minutes" : $"{limit.TotalSeconds:0} seconds";
}
