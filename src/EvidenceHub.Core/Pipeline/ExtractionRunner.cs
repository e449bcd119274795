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
    /// <summary>Reads a group of files (one file is a group of one); each result is its document or its plain reason, in order.</summary>
    public async Task<IReadOnlyList<ExtractionResult>> RunManyAsync(IReadOnlyList<ExtractionFile> files, CancellationToken cancellationToken)
    {
        files = [.. files.Select(f => f with { Request = f.Request with { MaxPages = options.Value.MaxPages } })];
        return options.Value.ExtractionIsolation == ExtractionIsolation.ChildProcess
            ? await children.ExtractManyAsync(files, cancellationToken)
            : await Task.WhenAll(files.Select(f => RunInProcessAsync(f.Content, f.Request, cancellationToken)));
    }

    private async Task<ExtractionResult> RunInProcessAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return ExtractionResult.Read(await ReadInProcessAsync(content, request, cancellationToken));
        }
        catch (ExtractionFailedException ex)
        {
            return ExtractionResult.Failed(ex);
        }
    }

    private async Task<ExtractedDocument> ReadInProcessAsync(byte[] content, ExtractionRequest request, CancellationToken cancellationToken)
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
