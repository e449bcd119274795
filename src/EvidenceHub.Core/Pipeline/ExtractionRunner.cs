using EvidenceHub.Extraction;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Pipeline;

/// <summary>
/// Runs extraction under the configured limits. By default a file is read in a child process of the server
/// (<see cref="ExtractionProcessPool"/>), which is killed past the time or memory limit, so no file can take the
/// server's memory or leave a parser running in it. <see cref="ExtractionIsolation.InProcess"/> reads on a thread of
/// the server instead: a parser that will not stop is abandoned (its token is cancelled and it is left on a thread of
/// its own), with no memory limit. Either way a file that cannot be read fails with a plain reason rather than a
/// retried job that leaves the submission "extracting".
/// </summary>
public sealed class ExtractionRunner(IDocumentExtractor extractor, ExtractionProcessPool children, IOptions<EvidenceHubOptions> options)
{
    public async Task<ExtractedDocument> RunAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        request = request with { MaxPages = options.Value.MaxPages };
        return options.Value.ExtractionIsolation == ExtractionIsolation.ChildProcess
            ? await children.ExtractAsync(content, request, cancellationToken)
            : await RunInProcessAsync(content, request, cancellationToken);
    }

    private async Task<ExtractedDocument> RunInProcessAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
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
            throw ExtractionFailures.TimedOut(limit, ex);
        }
        catch (OutOfMemoryException ex)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                "Reading the file needed more memory than the server has; it is too large or too complex.", ex);
        }
        catch (Exception ex) when (ex is not ExtractionFailedException and not OperationCanceledException)
        {
            throw ExtractionFailures.Unforeseen(ex);
        }
    }
}
