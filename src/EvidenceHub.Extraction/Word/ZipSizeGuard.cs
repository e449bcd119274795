using System.IO.Compression;

namespace EvidenceHub.Extraction.Word;

/// <summary>
/// Refuses a Word file whose parts would unpack to far more than any real submission (a decompression
/// bomb) before the Open XML SDK inflates a single part. The sizes checked are those the ZIP declares
/// (<see cref="ZipArchiveEntry.Length"/>); a file that understates them is still bounded by the time limit.
/// </summary>
internal static class ZipSizeGuard
{
    public static void Check(byte[] content, long maxUncompressedBytes)
    {
        long total = 0;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > maxUncompressedBytes || total > maxUncompressedBytes)
                {
                    throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                        $"The Word file would unpack to more than {Describe(maxUncompressedBytes)} "
                        + $"(its part {entry.FullName} alone declares {Describe(entry.Length)}), far more than a real document; it was not opened.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.CorruptFile,
                "The Word file is damaged and could not be opened.", ex);
        }
    }

    private static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024):N0} MB" : $"{bytes:N0} bytes";
}
