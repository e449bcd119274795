using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Writer;

namespace EvidenceHub.Extraction.Publishing;

/// <summary>
/// Rewrites a PDF page by page into a new file. Only the pages (content, resources, annotations), internal and
/// web links and the outline are carried over, so the document information dictionary and the catalog's XMP
/// stream of the original are simply not in the new bytes, nor are earlier revisions of an incrementally
/// updated file. What the pages themselves reach is cleaned as it is written (<see cref="AuthorStrippingTokenWriter"/>).
/// </summary>
internal static class PdfPublicCopy
{
    public static byte[] Create(byte[] content)
    {
        using var source = Open(content);
        if (source.IsEncrypted)
        {
            // PdfPig cannot copy pages out of an encrypted file, even one that opens with the empty password.
            throw new PublicCopyException("The PDF is encrypted, so a public copy without its author details cannot be made.");
        }

        try
        {
            var pageCount = source.NumberOfPages;
            using var output = new MemoryStream(content.Length);
            using (var builder = new PdfDocumentBuilder(output, disposeStream: false, PdfWriterType.Default,
                       Math.Max(1.7, source.Version), new AuthorStrippingTokenWriter()))
            {
                builder.IncludeDocumentInformation = false;
                var options = new PdfDocumentBuilder.AddPageOptions
                {
                    KeepAnnotations = true,
                    CopyLinkFunc = action => KeepInternalLink(action, pageCount),
                };
                for (var number = 1; number <= pageCount; number++)
                {
                    builder.AddPage(source, number, options);
                }

                if (source.TryGetBookmarks(out var bookmarks) && CanCopy(bookmarks.Roots, pageCount))
                {
                    builder.Bookmarks = bookmarks;
                }

                builder.Build();
            }

            var copy = output.ToArray();
            Check(copy, pageCount);
            return copy;
        }
        catch (Exception ex) when (ex is not (PublicCopyException or OperationCanceledException))
        {
            throw new PublicCopyException("The PDF is damaged in a way that stops it being rewritten without its author details.", ex);
        }
    }

    private static PdfDocument Open(byte[] content)
    {
        try
        {
            return PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new PublicCopyException("The PDF is protected by a password, so a public copy without its author details cannot be made.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PublicCopyException("The PDF is damaged and could not be opened to make a public copy.", ex);
        }
    }

    /// <summary>
    /// PdfPig drops links within the document unless the action is handed back as a new one, which it then points
    /// at the copied page; that is only possible for a page the copy has.
    /// </summary>
    private static PdfAction KeepInternalLink(PdfAction action, int pageCount) =>
        action is GoToAction goTo && goTo.Destination.PageNumber >= 1 && goTo.Destination.PageNumber <= pageCount
            ? new GoToAction(goTo.Destination)
            : action;

    /// <summary>The builder writes only outline entries that go to a page of this file or to a web address.</summary>
    private static bool CanCopy(IReadOnlyList<BookmarkNode> nodes, int pageCount) =>
        nodes.All(node => node switch
        {
            UriBookmarkNode => true,
            DocumentBookmarkNode document when document.GetType() == typeof(DocumentBookmarkNode) =>
                document.PageNumber >= 1 && document.PageNumber <= pageCount,
            _ => false,
        } && CanCopy(node.Children, pageCount));

    private static void Check(byte[] copy, int pageCount)
    {
        using var written = PdfDocument.Open(copy);
        if (written.NumberOfPages != pageCount)
        {
            throw new PublicCopyException($"The public copy of the PDF came out with {written.NumberOfPages} pages instead of {pageCount}.");
        }
    }
}
