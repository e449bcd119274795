using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace EvidenceHub.Extraction.Publishing;

/// <summary>
/// Sees every object PdfPig writes while it copies pages, and writes it without what names people:
/// XMP metadata streams are emptied and <c>/Metadata</c> and <c>/PieceInfo</c> (an editor's private data) are
/// dropped from every dictionary, so pages, images and forms lose theirs; an annotation's author (<c>/T</c>,
/// except on a form field, where it is the field's name) becomes "Reviewer"; a signature keeps only its type, not
/// the signer's name, certificate or reasons; a JPEG image loses its Exif, XMP, IPTC and comments
/// (<see cref="JpegMetadata"/>). Copying writes objects before the dictionaries that point at them,
/// so an orphaned XMP stream can still be written: it is written empty.
/// </summary>
internal sealed class AuthorStrippingTokenWriter : ITokenWriter
{
    private static readonly NameToken PieceInfo = NameToken.Create("PieceInfo");
    private static readonly NameToken ByteRange = NameToken.Create("ByteRange");
    private static readonly StringToken Reviewer = new("Reviewer");

    private readonly TokenWriter inner = new();

    public bool WritingPageContents
    {
        get => inner.WritingPageContents;
        set => inner.WritingPageContents = value;
    }

    public void WriteToken(IToken token, Stream outputStream) => inner.WriteToken(Strip(token), outputStream);

    /// <summary>Bytes serialised elsewhere cannot be cleaned, so refuse them rather than pass a name through.</summary>
    public void WriteObject(long objectNumber, int generation, byte[] data, Stream outputStream) =>
        throw new NotSupportedException("The public copy writes tokens only; pre-serialised objects would bypass the cleaning.");

    public void WriteCrossReferenceTable(IReadOnlyDictionary<IndirectReference, long> objectOffsets, IndirectReference catalogToken,
        Stream outputStream, IndirectReference? documentInformationReference, long? prevXrefTableLocation) =>
        inner.WriteCrossReferenceTable(objectOffsets, catalogToken, outputStream, documentInformationReference, prevXrefTableLocation);

    /// <summary>The token with the above removed; the same instance when nothing changed.</summary>
    private static IToken Strip(IToken token) => token switch
    {
        ObjectToken { Data: var data } o => Strip(data) is var stripped && !ReferenceEquals(stripped, data)
            ? new ObjectToken(o.Position, o.Number, stripped)
            : o,
        StreamToken stream => StripStream(stream),
        DictionaryToken dictionary => StripDictionary(dictionary),
        ArrayToken array => StripArray(array),
        _ => token,
    };

    private static StreamToken StripStream(StreamToken stream)
    {
        if (IsXmp(stream.StreamDictionary))
        {
            return new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Metadata,
                [NameToken.Length] = new NumericToken(0),
            }), Array.Empty<byte>());
        }

        var dictionary = StripDictionary(stream.StreamDictionary);
        var data = IsJpeg(dictionary) && JpegMetadata.Strip(stream.Data.Span) is { } stripped ? stripped : stream.Data;

        // A damaged original can state the wrong length; the copy states the length it writes.
        var statesLength = dictionary.TryGet(NameToken.Length, out var length) && length is NumericToken { Long: var stated }
            && stated == data.Length;
        if (ReferenceEquals(dictionary, stream.StreamDictionary) && statesLength && data.Equals(stream.Data))
        {
            return stream;
        }

        return new StreamToken(dictionary.With(NameToken.Length, new NumericToken(data.Length)), data);
    }

    private static bool IsXmp(DictionaryToken dictionary) =>
        Is(dictionary, NameToken.Type, NameToken.Metadata) || Is(dictionary, NameToken.Subtype, NameToken.Xml);

    /// <summary>A JPEG stored as it is (DCT alone); behind another filter its bytes are not the JPEG's.</summary>
    private static bool IsJpeg(DictionaryToken dictionary) =>
        dictionary.TryGet(NameToken.Filter, out var filter)
        && filter switch
        {
            NameToken name => name.Equals(NameToken.DctDecode),
            ArrayToken { Data: [NameToken name] } => name.Equals(NameToken.DctDecode),
            _ => false,
        };

    private static DictionaryToken StripDictionary(DictionaryToken dictionary)
    {
        if (IsSignature(dictionary))
        {
            return new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Type] = NameToken.Sig });
        }

        Dictionary<NameToken, IToken>? changed = null;
        var namesAuthor = NamesAuthor(dictionary);
        foreach (var (key, value) in dictionary.Data)
        {
            var name = NameToken.Create(key);
            if (name == NameToken.Metadata || name == PieceInfo)
            {
                (changed ??= Copy(dictionary)).Remove(name);
            }
            else if (name == NameToken.T && namesAuthor)
            {
                (changed ??= Copy(dictionary))[name] = Reviewer;
            }
            else if (value is not null && Strip(value) is var stripped && !ReferenceEquals(stripped, value))
            {
                (changed ??= Copy(dictionary))[name] = stripped;
            }
        }

        return changed is null ? dictionary : new DictionaryToken(changed);
    }

    private static bool IsSignature(DictionaryToken dictionary) =>
        Is(dictionary, NameToken.Type, NameToken.Sig) || dictionary.ContainsKey(ByteRange) && dictionary.ContainsKey(NameToken.Contents);

    /// <summary>On an annotation /T is who wrote it; on a widget (a form field's box) it is the field's name.</summary>
    private static bool NamesAuthor(DictionaryToken dictionary) =>
        dictionary.ContainsKey(NameToken.T)
        && dictionary.ContainsKey(NameToken.Rect)
        && dictionary.ContainsKey(NameToken.Subtype)
        && !Is(dictionary, NameToken.Subtype, NameToken.Widget)
        && !dictionary.ContainsKey(NameToken.Ft);

    private static bool Is(DictionaryToken dictionary, NameToken key, NameToken value) =>
        dictionary.TryGet(key, out var token) && token is NameToken name && name.Equals(value);

    private static ArrayToken StripArray(ArrayToken array)
    {
        IToken[]? changed = null;
        for (var i = 0; i < array.Data.Count; i++)
        {
            var value = array.Data[i];
            if (value is not null && Strip(value) is var stripped && !ReferenceEquals(stripped, value))
            {
                (changed ??= [.. array.Data])[i] = stripped;
            }
        }

        return changed is null ? array : new ArrayToken(changed);
    }

    private static Dictionary<NameToken, IToken> Copy(DictionaryToken dictionary) =>
        dictionary.Data.ToDictionary(pair => NameToken.Create(pair.Key), pair => pair.Value);
}
