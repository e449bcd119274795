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

        var kind = SubmissionKind.Written;
        if (form.TryGetValue("kind", out var kindText) && !string.IsNullOrWhiteSpace(kindText) && !Codes.TryParse(kindText, out kind))
        {
            return new(null, $"'{kindText}' is not a kind of submission; use one of {Codes.List<SubmissionKind>()}.");
        }

        SubmitterCategory? category = null;
        if (form.TryGetValue("category", out var categoryText) && !string.IsNullOrWhiteSpace(categoryText))
        {
            if (!Codes.TryParse<SubmitterCategory>(categoryText, out var parsed))
            {
                return new(null, $"'{categoryText}' is not a submitter category; use one of {Codes.List<SubmitterCategory>()}.");
            }

            category = parsed;
        }

        DateOnly? receivedOn = null;
        if (form.TryGetValue("receivedOn", out var dateText) && !string.IsNullOrWhiteSpace(dateText))
        {
            if (!DateOnly.TryParseExact(dateText.ToString().Trim(), "yyyy-MM-dd", out var date))
            {
                return new(null, $"'{dateText}' is not a date; write receivedOn as YYYY-MM-DD.");
            }

            receivedOn = date;
        }

        var anonymous = false;
        if (form.TryGetValue("anonymous", out var anonymousText) && !string.IsNullOrWhiteSpace(anonymousText) && !bool.TryParse(anonymousText, out anonymous))
        {
            return new(null, $"'{anonymousText}' is not true or false (anonymous).");
        }

        var submitter = form["submitterName"].ToString();
        var organisation = form["organisation"].ToString();
        if (string.IsNullOrWhiteSpace(submitter))
        {
            submitter = string.IsNullOrWhiteSpace(organisation) ? "Unnamed submitter" : organisation;
        }

        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return new(new NewSubmission(
            FileName: string.IsNullOrWhiteSpace(file.FileName) ? "upload" : file.FileName,
            Content: buffer.ToArray(),
            Kind: kind,
            SubmitterName: submitter,
            Organisation: organisation,
            Category: category,
            ReceivedOn: receivedOn,
            Title: form["title"].ToString(),
            Anonymous: anonymous,
            Password: form["password"].ToString()), null);
    }
}
