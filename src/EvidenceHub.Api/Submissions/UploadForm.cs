using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Api.Submissions;

/// <summary>Reads the multipart upload form into a <see cref="NewSubmission"/>, or says what is wrong with it.</summary>
public static class UploadForm
{
    public sealed record Parsed(NewSubmission? Submission, string? Problem);

    public static async Task<Parsed> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return new(null, "Send the upload as multipart/form-data with the document in a field named 'file'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return new(null, "The form has no 'file' field: attach the document as 'file'.");
        }

        if (SubmitterFields.Read(name => form.TryGetValue(name, out var value) ? value.ToString() : null, out var problem) is not { } metadata)
        {
            return new(null, problem);
        }

        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return new(metadata with
        {
            FileName = string.IsNullOrWhiteSpace(file.FileName) ? "upload" : file.FileName,
            Content = buffer.ToArray(),
        }, null);
    }
}
