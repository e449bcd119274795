using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Submissions;

public sealed record SubmissionVersionDto(int Number, string Sha256, string FileName, long SizeBytes, string ContentType, DateTimeOffset UploadedAt, bool Current);

/// <summary>Corrected versions of a submission: the same reference, every file kept.</summary>
public static class SubmissionVersions
{
    public static async Task<Results<Accepted<SubmissionVersionDto>, ProblemHttpResult>> UploadAsync(
        string reference, HttpRequest request, Caller caller, SubmissionCorrection correction, CancellationToken cancellationToken)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        if (file is null)
        {
            return Problems.BadRequest("The upload form is not complete",
                "Send the corrected file as multipart/form-data in a field named 'file'.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await correction.AcceptAsync(reference, file.FileName, buffer.ToArray(), caller.Actor, cancellationToken) switch
        {
            null => Problems.NotFound($"The submission {reference}"),
            CorrectionResult.Accepted a => TypedResults.Accepted($"/api/submissions/{a.Submission.Reference}/versions",
                AsDto(a.Version, current: true)),
            CorrectionResult.Conflict c => Problems.Of(StatusCodes.Status409Conflict, "This file is already here", c.Detail),
            CorrectionResult.Refused r => SubmissionsApi.Refusal(new IntakeResult.Refused(r.Reason, r.Detail)),
            _ => throw new InvalidOperationException("Unknown correction result."),
        };
    }

    public static async Task<Results<Ok<List<SubmissionVersionDto>>, ProblemHttpResult>> ListAsync(
        string reference, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var submission = await SubmissionQueries.Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        var versions = await AllAsync(db, submission, cancellationToken);
        var last = versions.Max(v => v.Number);
        return TypedResults.Ok(versions.Select(v => AsDto(v, v.Number == last)).ToList());
    }

    /// <summary>Every version, oldest first; a submission never corrected has just its own file as version 1.</summary>
    public static async Task<List<SubmissionVersion>> AllAsync(EvidenceDbContext db, Submission submission, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SubmissionVersion>().AsNoTracking().Where(v => v.SubmissionId == submission.Id)
            .OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return rows.Count > 0 ? rows : [SubmissionVersion.OriginalOf(submission)];
    }

    private static SubmissionVersionDto AsDto(SubmissionVersion v, bool current) =>
        new(v.Number, v.Sha256, v.FileName, v.SizeBytes, ContentTypes.Of(v.DocumentType), v.UploadedAt, current);
}
