using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace EvidenceHub.Extraction;

/// <summary>Decides what a file is from its bytes, never from its name.</summary>
public static class DocumentTypeSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type, or null when the bytes are none of PDF, Word (DOCX) or plain text.</summary>
    public static DocumentType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return null;
        }

        // PDF readers accept the header anywhere in the first kilobyte; so do we.
        if (content[..Math.Min(1024, content.Length)].IndexOf(PdfMagic) >= 0)
        {
            return DocumentType.Pdf;
        }

        if (content.StartsWith(ZipMagic))
        {
            return IsWordPackage(content) ? DocumentType.Docx : null;
        }

        // A password-protected .docx is an OLE compound file holding an "EncryptedPackage" stream.
        if (content.StartsWith(OleMagic))
        {
            return ContainsUtf16(content, "EncryptedPackage") ? DocumentType.Docx : null;
        }

        return LooksLikeText(content) ? DocumentType.Text : null;
    }

    private static bool IsWordPackage(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e =>
                e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase)
                || e.FullName.Equals("[Content_Types].xml", StringComparison.Ordinal)
                    && zip.Entries.Any(x => x.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase)));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool ContainsUtf16(ReadOnlySpan<byte> content, string name) =>
        content.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;

    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(64 * 1024, content.Length)];
        if (sample.StartsWith(Encoding.UTF8.Preamble))
        {
            sample = sample[3..];
        }

        // UTF-16 and binary files are full of NULs; a stray few in a text file (seen in real exports) are dropped later.
        if (sample.Count((byte)0) > Math.Max(1, sample.Length / 1000))
        {
            return false;
        }

        // Cut at a character boundary so a multi-byte sequence split by the sample is not "invalid".
        var end = sample.Length;
        while (end > 0 && end > sample.Length - 4 && (sample[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }

        if (end > 0 && end < sample.Length && sample[end - 1] >= 0xC0)
        {
            end--;
        }

        sample = end == content.Length ? sample : sample[..end];
        if (!Utf8.IsValid(sample))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(sample);
        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\0'));
        return text.Length > 0 && control <= text.Length / 100;
    }
}
