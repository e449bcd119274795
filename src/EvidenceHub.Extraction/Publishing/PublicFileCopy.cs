namespace EvidenceHub.Extraction.Publishing;

/// <summary>What the public may download: a submission's file with who wrote or edited it taken out.</summary>
public static class PublicFileCopy
{
    /// <summary>
    /// The file as the public may download it: the same content with author metadata removed. PDFs are rewritten
    /// page by page without the document information dictionary and XMP; Word files lose author and editor names
    /// from their properties, tracked changes and comments; plain text has no metadata and is returned as it is.
    /// </summary>
    /// <exception cref="PublicCopyException">The file cannot be rewritten (encrypted, damaged, not what
    /// <paramref name="type"/> says); serve nothing rather than the original.</exception>
    public static byte[] Create(byte[] content, DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(content);
        return type switch
        {
            DocumentType.Pdf => PdfPublicCopy.Create(content),
            DocumentType.Docx => DocxPublicCopy.Create(content),
            DocumentType.Text => content,
            _ => throw new PublicCopyException($"There is no public copy for a file of type {type}."),
        };
    }
}
