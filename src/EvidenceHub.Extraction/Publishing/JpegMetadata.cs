using System.Buffers.Binary;

namespace EvidenceHub.Extraction.Publishing;

/// <summary>
/// Removes the segments of a JPEG that carry who took or edited it: APP1 (Exif, with Artist and XPAuthor, and
/// XMP), APP13 (Photoshop's IPTC, with By-line) and comments. The image data and the segments that decide how it
/// looks (JFIF, the ICC profile in APP2, Adobe's colour transform in APP14, tables and frame) are kept byte for
/// byte. Only for PDF image streams, where Exif has no say in how the image is drawn (a Word file may turn a
/// photo by its Exif orientation, so its images are left alone).
/// </summary>
internal static class JpegMetadata
{
    private const byte App1 = 0xE1;
    private const byte App13 = 0xED;
    private const byte Comment = 0xFE;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>The JPEG without those segments; null when there are none or the bytes are not a JPEG this can read.</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> bytes)
    {
        if (bytes is not [0xFF, 0xD8, ..])
        {
            return null;
        }

        var kept = new List<Range> { 0..2 };
        var dropped = false;
        var at = 2;
        while (true)
        {
            if (at + 1 >= bytes.Length || bytes[at] != 0xFF)
            {
                return null;
            }

            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is StartOfScan or EndOfImage)
            {
                kept.Add(at..);
                break;
            }

            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                kept.Add(at..(at + 2));
                at += 2;
                continue;
            }

            if (at + 4 > bytes.Length)
            {
                return null;
            }

            var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (end > bytes.Length)
            {
                return null;
            }

            if (marker is App1 or App13 or Comment)
            {
                dropped = true;
            }
            else
            {
                kept.Add(at..end);
            }

            at = end;
        }

        if (!dropped)
        {
            return null;
        }

        using var output = new MemoryStream(bytes.Length);
        foreach (var range in kept)
        {
            output.Write(bytes[range]);
        }

        return output.ToArray();
    }
}
