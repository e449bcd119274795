namespace EvidenceHub.Extraction;

/// <summary>Turns paragraphs of text into passages, splitting off the author's paragraph label.</summary>
public static class PassageBuilder
{
    public static ExtractedPassage FromParagraph(string rawText, int? page, PassageRole role = PassageRole.Body)
    {
        var text = TextNormalizer.Clean(rawText);
        return ParagraphLabel.TrySplit(text, out var label, out var rest)
            ? new ExtractedPassage(page, label, rest, Role: role)
            : new ExtractedPassage(page, null, text, Role: role);
    }
}
