using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceHub.Extraction.Isolation;

/// <summary>
/// How the server and an extraction child process (<see cref="ExtractionChild"/>) talk over the child's standard
/// input and output. Every message is a 4-byte little-endian length and that many bytes. The child first sends
/// <see cref="Hello"/>; then each request is two messages, the <see cref="ExtractionRequest"/> as JSON and the
/// file's bytes, and each answer is one, an <see cref="ExtractionAnswer"/> as JSON. The server may send a group's
/// requests one after another without waiting: the child reads them in order and answers each as soon as it has read
/// that file, so the answers so far tell which file the child is reading.
/// </summary>
public static class ExtractionWire
{
    /// <summary>Larger than any upload: a longer length means the stream is out of step.</summary>
    public const int MaxMessageBytes = 1 << 30;

    /// <summary>
    /// Larger than any answer under the caps on text and passages (some 75 MB at worst): the server reads no more
    /// than this from a child, whatever the child says.
    /// </summary>
    public const int MaxAnswerBytes = 128 << 20;

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

    /// <summary>A small message goes in one write with its length: each write to a pipe can wake the reader.</summary>
    private const int OneWriteBelow = 64 * 1024;

    public static void Write(Stream stream, ReadOnlySpan<byte> message)
    {
        if (message.Length < OneWriteBelow)
        {
            stream.Write(Frame(message));
            return;
        }

        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, message.Length);
        stream.Write(length);
        stream.Write(message);
    }

    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.Length < OneWriteBelow)
        {
            await stream.WriteAsync(Frame(message.Span), cancellationToken);
            return;
        }

        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, message.Length);
        await stream.WriteAsync(length, cancellationToken);
        await stream.WriteAsync(message, cancellationToken);
    }

    /// <summary>
    /// Several requests, one after another, without waiting for answers: the small ones framed into buffers of up to
    /// <see cref="OneWriteBelow"/> each (a write each, not two a file), a large file written as it is.
    /// </summary>
    public static async Task WriteRequestsAsync(Stream stream, IEnumerable<(ExtractionRequest Request, byte[] Content)> requests, CancellationToken cancellationToken)
    {
        var pending = new List<byte[]>();
        var pendingBytes = 0;
        foreach (var (request, content) in requests)
        {
            var header = Serialize(request);
            if (content.Length >= OneWriteBelow)
            {
                await WritePendingAsync();
                await WriteAsync(stream, header, cancellationToken);
                await WriteAsync(stream, content, cancellationToken);
                continue;
            }

            pending.Add(header);
            pending.Add(content);
            pendingBytes += 8 + header.Length + content.Length;
            if (pendingBytes >= OneWriteBelow)
            {
                await WritePendingAsync();
            }
        }

        await WritePendingAsync();
        await stream.FlushAsync(cancellationToken);

        async Task WritePendingAsync()
        {
            if (pending.Count > 0)
            {
                await stream.WriteAsync(Frame([.. pending]), cancellationToken);
                pending.Clear();
                pendingBytes = 0;
            }
        }
    }

    private static byte[] Frame(params ReadOnlySpan<byte[]> messages)
    {
        var length = 0;
        foreach (var message in messages)
        {
            length += 4 + message.Length;
        }

        var frame = new byte[length];
        var at = 0;
        foreach (var message in messages)
        {
            BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(at), message.Length);
            message.CopyTo(frame.AsSpan(at + 4));
            at += 4 + message.Length;
        }

        return frame;
    }

    private static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var frame = new byte[4 + message.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, message.Length);
        message.CopyTo(frame.AsSpan(4));
        return frame;
    }

    /// <summary>The next message, or null where the stream ends before one starts.</summary>
    public static byte[]? Read(Stream stream, int maxBytes = MaxMessageBytes)
    {
        Span<byte> header = stackalloc byte[4];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        var message = new byte[Length(header, read, maxBytes)];
        stream.ReadExactly(message);
        return message;
    }

    /// <summary>The next message, or null where the stream ends before one starts.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken, int maxBytes = MaxMessageBytes)
    {
        var header = new byte[4];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        var message = new byte[Length(header, read, maxBytes)];
        await stream.ReadExactlyAsync(message, cancellationToken);
        return message;
    }

    private static int Length(ReadOnlySpan<byte> header, int read, int maxBytes = MaxMessageBytes)
    {
        if (read < header.Length)
        {
            throw new EndOfStreamException("The stream ended inside a message's length.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        return length >= 0 && length <= maxBytes ? length : throw new InvalidDataException($"A message length of {length} bytes is out of step.");
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
