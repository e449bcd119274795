namespace EvidenceHub.Api.Http;

/// <summary>The <c>file</c> of a multipart form, or null for a request that is not a form or a form that does not parse.</summary>
public static class UploadedFile
{
    public static async Task<IFormFile?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException)
        {
            return null; // a too-large body is BadHttpRequestException: left to the exception handler's 413
        }
    }
}
