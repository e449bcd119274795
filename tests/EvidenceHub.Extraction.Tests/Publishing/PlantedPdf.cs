using System.IO.Compression;
using System.Text;

namespace EvidenceHub.Extraction.Tests.Publishing;

/// <summary>
/// A one-page PDF written by hand with a name containing <see cref="Needle"/> in every place a PDF carries people:
/// the information dictionary (twice: the file was updated incrementally, so the first author is still in the
/// bytes), the catalog's XMP, a page's and an image's XMP (one compressed), the image's own Exif and comment, an
/// editor's private page data, a comment's author and a signature.
/// </summary>
internal static class PlantedPdf
{
    public const string Needle = "Planted";
    public const string FirstLine = "1. Rural bus services have been cut by half since 2010.";
    public const string SecondLine = "2. The council should restore the evening routes.";

    public static byte[] Create(bool encrypted = false)
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            + "/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 8 0 R >> >> /Contents 5 0 R /Metadata 7 0 R "
            + "/Annots [9 0 R 11 0 R 12 0 R] /PieceInfo << /Editor << /Private (Planted Piece Owner) >> >> >>");
        pdf.Object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        pdf.Stream(5, "", $"BT /F1 12 Tf 72 760 Td ({FirstLine}) Tj 0 -16 Td ({SecondLine}) Tj ET q 100 0 0 100 72 500 cm /Im1 Do Q");
        pdf.Stream(6, "/Type /Metadata /Subtype /XML ", Xmp("Planted Xmp Author", "Planted Creator Tool"));
        pdf.Stream(7, "/Type /Metadata /Subtype /XML ", Xmp("Planted Page Author", "Planted Page Tool"), compress: true);
        pdf.Stream(8, "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
            + "/Filter /DCTDecode /Metadata 10 0 R ", Jpeg());
        pdf.Object(9, "<< /Type /Annot /Subtype /Text /Rect [500 700 520 720] /T (Planted Reviewer) /Contents (Check the figures) /Popup 11 0 R >>");
        pdf.Stream(10, "/Type /Metadata /Subtype /XML ", Xmp("Planted Image Author", "Planted Camera"));
        pdf.Object(11, "<< /Type /Annot /Subtype /Popup /Rect [520 600 600 700] /Parent 9 0 R >>");
        pdf.Object(12, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /V 13 0 R >>");
        pdf.Object(13, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Name (Planted Signer) "
            + "/Reason (Planted Reason) /ByteRange [0 0 0 0] /Contents <00> >>");
        pdf.Object(14, "<< /Author (Planted Info Author) /Creator (Planted Creator) /Producer (Planted Producer) "
            + "/Title (Planted Title) /Subject (Planted Subject) /Keywords (Planted Keywords) /CreationDate (D:20250101120000Z) >>");
        if (encrypted)
        {
            // A standard security handler whose password check no password passes.
            pdf.Object(15, "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
                + "/O <0000000000000000000000000000000000000000000000000000000000000000> "
                + "/U <0000000000000000000000000000000000000000000000000000000000000000> >>");
        }

        var trailerExtra = encrypted ? "/Encrypt 15 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>] " : "";
        var firstXref = pdf.Xref(1, $"/Size {(encrypted ? 16 : 15)} /Root 1 0 R /Info 14 0 R {trailerExtra}");

        // An incremental update that replaces the author: a viewer shows the second, the bytes still hold the first.
        pdf.Object(14, "<< /Author (Planted Second Author) /Title (Planted Title) >>");
        pdf.Xref(14, $"/Size {(encrypted ? 16 : 15)} /Root 1 0 R /Info 14 0 R {trailerExtra}/Prev {firstXref}");
        return pdf.ToArray();
    }

    /// <summary>
    /// An 8×8 mid-grey baseline JPEG, the smallest a decoder draws (one block, DC 0, end of block), carrying an
    /// Exif segment and a comment with a name.
    /// </summary>
    public static byte[] Jpeg()
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. "Planted Photographer"u8]);
        Segment(jpeg, 0xFE, "Planted Comment"u8.ToArray());
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0]); // one DC code, "0", for a difference of 0
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0]); // one AC code, "0", for end of block
        Segment(jpeg, 0xDA, [1, 1, 0, 0, 0x3F, 0]);
        jpeg.Write([0b0011_1111, 0xFF, 0xD9]); // DC "0", end of block "0", padded with ones
        return jpeg.ToArray();
    }

    private static void Segment(MemoryStream jpeg, byte marker, byte[] body)
    {
        jpeg.Write([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        jpeg.Write(body);
    }

    private static string Xmp(string author, string tool) =>
        "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
        + $"<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator><xmp:CreatorTool>{tool}</xmp:CreatorTool>"
        + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";

    /// <summary>The file's bytes as Latin-1 text, followed by every Flate stream in it inflated.</summary>
    public static string AllText(byte[] pdf)
    {
        var text = new StringBuilder(Encoding.Latin1.GetString(pdf));
        var raw = text.ToString();
        for (var at = raw.IndexOf("stream", StringComparison.Ordinal); at >= 0; at = raw.IndexOf("stream", at + 6, StringComparison.Ordinal))
        {
            var start = at + 6;
            if (start < raw.Length && raw[start] == '\r')
            {
                start++;
            }

            if (start < raw.Length && raw[start] == '\n')
            {
                start++;
            }

            var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0 || raw.AsSpan(at - 3, 3).SequenceEqual("end"))
            {
                continue;
            }

            try
            {
                using var inflate = new ZLibStream(new MemoryStream(pdf, start, end - start), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                inflate.CopyTo(inflated);
                text.Append('\n').Append(Encoding.Latin1.GetString(inflated.ToArray()));
            }
            catch (InvalidDataException)
            {
                // Not Flate: already searched as raw bytes.
            }
        }

        return text.ToString();
    }

    private sealed class Writer
    {
        private readonly MemoryStream bytes = new();
        private readonly SortedDictionary<int, long> offsets = [];

        public Writer() => Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");

        public void Object(int number, string body)
        {
            offsets[number] = bytes.Position;
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }

        public void Stream(int number, string dictionary, string data, bool compress = false) =>
            Stream(number, dictionary, Encoding.Latin1.GetBytes(data), compress);

        public void Stream(int number, string dictionary, byte[] content, bool compress = false)
        {
            if (compress)
            {
                using var packed = new MemoryStream();
                using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    zlib.Write(content);
                }

                content = packed.ToArray();
                dictionary += "/Filter /FlateDecode ";
            }

            offsets[number] = bytes.Position;
            Write($"{number} 0 obj\n<< {dictionary}/Length {content.Length} >>\nstream\n");
            bytes.Write(content);
            Write("\nendstream\nendobj\n");
        }

        /// <summary>A cross-reference section for the objects written since <paramref name="from"/>; returns where it starts.</summary>
        public long Xref(int from, string trailer)
        {
            var start = bytes.Position;
            var section = offsets.Where(o => o.Key >= from).ToList();
            var xref = new StringBuilder("xref\n");
            if (from == 1)
            {
                xref.Append("0 1\n0000000000 65535 f \n");
            }

            foreach (var (number, offset) in section)
            {
                xref.Append($"{number} 1\n{offset:D10} 00000 n \n");
            }

            Write($"{xref}trailer\n<< {trailer}>>\nstartxref\n{start}\n%%EOF\n");
            foreach (var number in section.Select(s => s.Key))
            {
                offsets.Remove(number);
            }

            return start;
        }

        public byte[] ToArray() => bytes.ToArray();

        private void Write(string text) => bytes.Write(Encoding.Latin1.GetBytes(text));
    }
}
