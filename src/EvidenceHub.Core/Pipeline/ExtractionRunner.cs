using EvidenceHub.Extraction;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Runs an extractor under the configured time limit. A parser that will not stop is abandoned (its
/// token is cancelled) and the submission fails as "timed out"; the worker is freed.
/// </summary>
public sealed class ExtractionRunner(IDocumentExtractor extractor, IOptions<EvidenceHubOptions> options)
{
    public async Task<ExtractedDocument> RunAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.ExtractionTimeout;
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
    }

    private static string Describe(TimeSpan limit) =>
        limit.TotalMinutes >= 1 ? $"{limit.TotalMinutes:0.#} minutes" : $"{limit.TotalSeconds:0} seconds";
}
