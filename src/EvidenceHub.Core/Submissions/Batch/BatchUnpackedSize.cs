using System.IO.Compression;

namespace EvidenceHub.Core.Submissions.Batch;

/// <summary>
/// Whether the files a batch lists unpack to more than the batch may: checked before a single file is taken
/// in, so a batch that is too large is refused whole rather than half imported. The sizes the ZIP declares
/// are only a first, free check — a ZIP can understate them (.NET cuts a deflated entry off at its declared
/// size, but reads a stored one to its end whatever it declares) — so the bytes are then counted as they
/// are actually unpacked, stopping as soon as the limit is passed.
/// </summary>
internal static class BatchUnpackedSize
{
    /// <param name="listed">One entry per manifest row that names a file in the ZIP (a file listed twice is unpacked twice).</param>
    /// <param name="perFileLimit">No more of one file is ever unpacked than this and a byte: past it, its row is refused.</param>
    /// <param name="totalLimit">The most the batch may unpack to.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>Null when the batch is within the limit; otherwise the reason it is refused.</returns>
    public static async Task<string?> ProblemAsync(IReadOnlyList<ZipArchiveEntry> listed, long perFileLimit, long totalLimit, CancellationToken cancellationToken)
    {
        var declared = listed.Sum(e => Math.Min(e.Length, perFileLimit + 1));
        if (declared > totalLimit)
        {
            return TooLarge(totalLimit);
        }

        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in listed)
        {
            long unpacked = 0;
            try
            {
                await using var stream = await entry.OpenAsync(cancellationToken);
                int read;
                while (unpacked <= perFileLimit && (read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    unpacked += read;
                    total += read;
                    if (total > totalLimit)
                    {
                        return TooLarge(totalLimit);
                    }
                }
            }
            catch (InvalidDataException)
            {
                // A damaged entry: what it gave up to here is counted, and its row is refused when it is taken in.
            }
        }

        return null;
    }

    private static string TooLarge(long limit) =>
        $"The files manifest.csv lists unpack to more than {Megabytes(limit)} in all, the most one batch takes. "
        + "Nothing from this batch was taken in; split it into smaller ZIPs.";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
