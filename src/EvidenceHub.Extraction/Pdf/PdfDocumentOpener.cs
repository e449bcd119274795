using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>Opens a PDF with lenient parsing, trying the empty password first, and turns PdfPig's errors into plain reasons.</summary>
internal static class PdfDocumentOpener
{
    public static PdfDocument Open(byte[] content, ExtractionRequest request)
    {
        var passwords = new List<string> { string.Empty };
        if (!string.IsNullOrEmpty(request.Password))
        {
            passwords.Add(request.Password);
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                Passwords = passwords,
            });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.NeedsPassword,
                string.IsNullOrEmpty(request.Password)
                    ? "The PDF is protected by a password. Supply the password to read it."
                    : "The PDF is protected by a password, and the password supplied is not the right one.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Corrupt("The PDF is damaged and could not be opened.", ex);
        }

        int pageCount;
        try
        {
            pageCount = document.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            document.Dispose();
            throw Corrupt("The PDF is damaged: its list of pages could not be read.", ex);
        }

        if (pageCount == 0)
        {
            document.Dispose();
            throw Corrupt("The PDF is damaged: it has no pages.", null);
        }

        if (pageCount > request.MaxPages)
        {
            document.Dispose();
            throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                $"The PDF has {pageCount} pages; the limit is {request.MaxPages}.");
        }

        return document;
    }

    public static Page GetPage(PdfDocument document, int number)
    {
        try
        {
            return document.GetPage(number);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            // The password was accepted when the file was opened, so this is not a question of the password.
            throw Corrupt($"The PDF is encrypted and opened, but page {number} could not be decrypted; the file may be damaged.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Corrupt($"Page {number} of the PDF is damaged and could not be read.", ex);
        }
    }

    private static ExtractionFailedException Corrupt(string message, Exception? inner) =>
        new(ExtractionFailureKind.CorruptFile, message, inner);
}
