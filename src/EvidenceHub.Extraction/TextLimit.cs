namespace EvidenceHub.Extraction;

/// <summary>
/// The caps on how much one file may give (<see cref="ExtractionRequest.MaxCharacters"/> and
/// <see cref="ExtractionRequest.MaxPassages"/>): a small file can hold far more text than a submission ever has,
/// compressed, and every character and passage is held, passed to the server, stored and indexed.
/// </summary>
internal static class TextLimit
{
    public static void Check(long characters, int maxCharacters)
    {
        if (characters > maxCharacters)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                $"The file holds more than {maxCharacters:N0} characters of text (some {maxCharacters / 6:N0} words), "
                + "far more than a submission; it was not read. Split it into smaller files and upload each.");
        }
    }

    /// <summary>The whole document against both caps: its text, and its number of passages.</summary>
    public static void Check(ExtractedDocument document, ExtractionRequest request)
    {
        Check(document.Passages.Sum(p => (long)p.Text.Length), request.MaxCharacters);
        if (document.Passages.Count > request.MaxPassages)
        {
            throw new ExtractionFailedException(ExtractionFailureKind.TooLarge,
                $"The file has {document.Passages.Count:N0} paragraphs, more than the {request.MaxPassages:N0} a submission may have; "
                + "it was not read. Split it into smaller files and upload each.");
        }
    }
}
