using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Search;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Submissions;

public static class SubmissionsApi
{
    public static void MapSubmissions(this IEndpointRouteBuilder app)
    {
        var inquiry = app.MapGroup("/api/inquiries/{prefix}/submissions").WithTags("Submissions");
        // Uploads are checked by AntiforgeryCheck (cookie) like every other change, not by the form binder.
        inquiry.MapPost("/", UploadAsync).DisableAntiforgery().RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Prefix);
        inquiry.MapPost("/batch", BatchUpload.UploadBatchAsync).DisableAntiforgery().RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Prefix);
        inquiry.MapGet("/", SubmissionQueries.ListAsync).AllowPublic();

        var submission = app.MapGroup("/api/submissions/{reference}").WithTags("Submissions");
        submission.MapGet("/", SubmissionQueries.GetAsync).AllowPublic();
        submission.MapPatch("/", SubmissionActions.EditAsync).RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Reference);
        submission.MapDelete("/", SubmissionActions.DeleteAsync).RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Reference);
        submission.MapGet("/passages", SubmissionQueries.PassagesAsync).AllowPublic();
        submission.MapGet("/file", SubmissionQueries.FileAsync).AllowPublic();
        // Earlier versions (and uploaded file names) are for the inquiry's staff; the public gets the current file only.
        submission.MapGet("/versions", SubmissionVersions.ListAsync).RequireInquiryMember(InquiryFrom.Reference);
        submission.MapPost("/versions", SubmissionVersions.UploadAsync).DisableAntiforgery().RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Reference);
        submission.MapGet("/search", SearchWithinAsync).AllowPublic().ReadsIndex();
        submission.MapGet("/similar", SimilarAsync).AllowPublic().ReadsIndex();
        submission.MapPost("/publication", SubmissionActions.SetPublicationAsync).RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Reference);
        submission.MapPost("/password", SubmissionActions.SupplyPasswordAsync).RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Reference);
    }

    private static async Task<Results<Accepted<SubmissionDto>, ProblemHttpResult>> UploadAsync(
        string prefix, HttpRequest request, Caller caller, SubmissionIntake intake, CancellationToken cancellationToken)
    {
        var form = await UploadForm.ReadAsync(request, cancellationToken);
        if (form.Submission is null)
        {
            return Problems.BadRequest("The upload form is not complete", form.Problem!);
        }

        return await intake.AcceptAsync(prefix, form.Submission, caller.Actor, cancellationToken) switch
        {
            IntakeResult.Accepted a => TypedResults.Accepted($"/api/submissions/{a.Submission.Reference}", a.Submission.AsDto(prefix)),
            IntakeResult.Duplicate d => Problems.Of(StatusCodes.Status409Conflict, "This file has already been submitted",
                $"The same file is already in this inquiry as {d.ExistingReference}.",
                new Dictionary<string, object?> { ["existingReference"] = d.ExistingReference }),
            IntakeResult.Refused r => Refusal(r),
            _ => throw new InvalidOperationException("Unknown intake result."),
        };
    }

    public static ProblemHttpResult Refusal(IntakeResult.Refused refused) => refused.Reason switch
    {
        IntakeRefusal.InquiryNotFound => Problems.Of(StatusCodes.Status404NotFound, "No such inquiry", refused.Detail),
        IntakeRefusal.Empty => Problems.Of(StatusCodes.Status400BadRequest, "The file is empty", refused.Detail),
        IntakeRefusal.TooLarge => Problems.Of(StatusCodes.Status413PayloadTooLarge, "The file is too large", refused.Detail),
        _ => Problems.Of(StatusCodes.Status415UnsupportedMediaType, "This type of file is not supported", refused.Detail),
    };

    private static async Task<Results<Ok<List<PassageHitDto>>, ProblemHttpResult>> SearchWithinAsync(
        string reference, string? q, Caller caller, EvidenceDbContext db, EvidenceSearcher searcher, CitationStyles citations, CancellationToken cancellationToken)
    {
        var submission = await SubmissionQueries.Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.BadRequest("Nothing to search for", "Give the words to find in q.");
        }

        var hits = searcher.SearchWithin(submission.Id, q, caller.SearchAccess);
        var style = await citations.ForInquiryAsync(submission.InquiryId, cancellationToken);
        return TypedResults.Ok(hits.Select(h => h.AsDto(submission, style)).ToList());
    }

    /// <summary>Submissions like this one, best first, in the hit shape of search; <c>limit</c> 1–100, default 10.</summary>
    private static async Task<Results<Ok<List<SearchHitDto>>, ProblemHttpResult>> SimilarAsync(
        string reference, int? limit, Caller caller, EvidenceDbContext db, EvidenceSearcher searcher, CitationStyleCache citations, CancellationToken cancellationToken)
    {
        var submission = await SubmissionQueries.Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        if (limit is < 1 or > 100)
        {
            return Problems.BadRequest("The limit is not valid", $"'{limit}' is not a valid limit; use a whole number from 1 to 100.");
        }

        var results = searcher.Similar(submission.Id, caller.Apply(new SearchRequest { PageSize = limit ?? 10, FacetLimit = 0 }));
        var styles = await citations.ByPrefixAsync(() => db, cancellationToken);
        return TypedResults.Ok(results.Hits.Select(h => h.AsDto(styles)).ToList());
    }
}
