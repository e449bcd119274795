using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceHub.Extraction.Isolation;

/// <summary>
/// How the server and an extraction child process (<see cref="ExtractionChild"/>) talk over the child's standard
/// input and output. Every message is a 4-byte little-endian length and that many bytes. The child first sends
/// <see cref="Hello"/>; then each request is two messages, the <see cref="ExtractionRequest"/> as JSON and the
/// file's bytes, and each answer is one, an <see cref="ExtractionAnswer"/> as JSON.
/// </summary>
public static class ExtractionWire
{
    /// <summary>Larger than any upload and than any answer under the text cap: a longer length means the stream is out of step.</summary>
    public const int MaxMessageBytes = 1 << 30;

    // Unescaped non-ASCII: a document's text is mostly letters, and escaping each accented one would triple it.
    private static readonly ExtractionWireJson Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The child's first message, naming the protocol, so a wrong program is caught at start.</summary>
    public static ReadOnlySpan<byte> Hello => "evidencehub-extract/1"u8;

    public static byte[] Serialize(ExtractionRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, Json.ExtractionRequest);

    public static byte[] Serialize(ExtractionAnswer answer) => JsonSerializer.SerializeToUtf8Bytes(answer, Json.ExtractionAnswer);

    public static ExtractionRequest DeserializeRequest(byte[] json) =>
        JsonSerializer.Deserialize(json, Json.ExtractionRequest) ?? throw new InvalidDataException("An empty extraction request.");

    public static ExtractionAnswer DeserializeAnswer(byte[] json) =>
        JsonSerializer.Deserialize(json, Json.ExtractionAnswer) ?? throw new InvalidDataException("An empty extraction answer.");

    public static void Write(Stream stream, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, message.Length);
        stream.Write(length);
        stream.Write(message);
    }

    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, message.Length);
        await stream.WriteAsync(length, cancellationToken);
        await stream.WriteAsync(message, cancellationToken);
    }

    /// <summary>The next message, or null where the stream ends before one starts.</summary>
    public static byte[]? Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[4];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        var message = new byte[Length(header, read)];
        stream.ReadExactly(message);
        return message;
    }

    /// <summary>The next message, or null where the stream ends before one starts.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        var message = new byte[Length(header, read)];
        await stream.ReadExactlyAsync(message, cancellationToken);
        return message;
    }

    private static int Length(ReadOnlySpan<byte> header, int read)
    {
        if (read < header.Length)
        {
            throw new EndOfStreamException("The stream ended inside a message's length.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        return length is >= 0 and <= MaxMessageBytes ? length : throw new InvalidDataException($"A message length of {length} bytes is out of step.");
    }
}

/// <summary>
/// A child's answer to one request: the document; or why it could not be read, in plain words; or that reading it
/// ran out of the child's memory (the server words that one, as it knows the limit). A child that ran out of memory
/// is let go after answering.
/// </summary>
public sealed record ExtractionAnswer(
    ExtractedDocument? Document,
    ExtractionFailureKind? Failure = null,
    string? Message = null,
    bool RanOutOfMemory = false);

[JsonSerializable(typeof(ExtractionRequest))]
[JsonSerializable(typeof(ExtractionAnswer))]
internal sealed partial class ExtractionWireJson : JsonSerializerContext;
