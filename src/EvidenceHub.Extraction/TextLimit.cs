namespace EvidenceHub.Extraction;

/// <summary>
/// The cap on how much text one file may give (<see cref="ExtractionRequest.MaxCharacters"/>): a small file can
/// hold far more text than a submission ever has, compressed, and every character is held, indexed and stored.
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

    public static long Count(IEnumerable<ExtractedPassage> passages) => passages.Sum(p => (long)p.Text.Length);
}
