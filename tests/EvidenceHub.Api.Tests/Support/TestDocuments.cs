using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>Evidence files made by the tests themselves.</summary>
public static class TestDocuments
{
    /// <summary>A PDF with one page per array entry; each entry's paragraphs are set apart by a blank line.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var paragraphs in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var paragraph in paragraphs)
            {
                foreach (var line in Wrap(paragraph, 85))
                {
                    page.AddText(line, 11, new PdfPoint(56, y), font);
                    y -= 14;
                }

                y -= 12;
            }
        }

        return builder.Build();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Text(params string[] paragraphs) => Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs) + "\n");

    /// <summary>A text file made unique by a marker, so uploads are not duplicates of each other.</summary>
    public static byte[] UniqueText(string marker, string body = "Neighbourhood funding should reach the places that need it most.") =>
        Text($"1. {body}", $"2. Marker {marker} for this file.");

    /// <summary>A ZIP holding the entries as named (a batch upload).</summary>
    public static byte[] Zip(IDictionary<string, byte[]> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The PDF encrypted with qpdf (which scripts/test.sh installs), opened by <paramref name="password"/>.</summary>
    public static byte[] EncryptedPdf(byte[] pdf, string password)
    {
        var folder = Directory.CreateTempSubdirectory("evidencehub-qpdf-");
        try
        {
            var plain = Path.Combine(folder.FullName, "plain.pdf");
            var encrypted = Path.Combine(folder.FullName, "encrypted.pdf");
            File.WriteAllBytes(plain, pdf);
            using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--encrypt", password, password + "-owner", "256", "--", plain, encrypted])
            {
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("qpdf did not start");
            var errors = qpdf.StandardError.ReadToEnd();
            qpdf.WaitForExit();
            Assert.AreEqual(0, qpdf.ExitCode, $"qpdf (installed by scripts/test.sh) failed: {errors}");
            return File.ReadAllBytes(encrypted);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length == 0 ? word : " " + word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
