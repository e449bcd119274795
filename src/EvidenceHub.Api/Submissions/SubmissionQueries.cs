using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Extraction.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Submissions;

/// <summary>Reading submissions: lists, one submission, its passages and its original file.</summary>
public static class SubmissionQueries
{
    public static async Task<Results<Ok<SubmissionPage>, ProblemHttpResult>> ListAsync(
        string prefix, string? status, string? publication, string? kind, int? page, int? pageSize,
        Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        if (!Paging.TryFrom(page, pageSize, out var paging, out var pagingProblem))
        {
            return Problems.BadRequest(Paging.ProblemTitle, pagingProblem);
        }

        var inquiry = await EvidenceHub.Api.Inquiries.InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var query = caller.Visible(db.Submissions.AsNoTracking()).Where(s => s.InquiryId == inquiry.Id);
        if (!string.IsNullOrEmpty(status))
        {
            if (!Codes.TryParse<ProcessingStatus>(status, out var value))
            {
                return Problems.BadRequest("Unknown status", $"'{status}' is not a status; use one of {Codes.List<ProcessingStatus>()}.");
            }

            query = query.Where(s => s.Status == value);
        }

        if (!string.IsNullOrEmpty(publication))
        {
            if (!Codes.TryParse<Publication>(publication, out var value))
            {
                return Problems.BadRequest("Unknown publication status", $"'{publication}' is not a publication status; use one of {Codes.List<Publication>()}.");
            }

            query = query.Where(s => s.Publication == value);
        }

        if (!string.IsNullOrEmpty(kind))
        {
            if (!Codes.TryParse<SubmissionKind>(kind, out var value))
            {
                return Problems.BadRequest("Unknown kind", $"'{kind}' is not a kind of submission; use one of {Codes.List<SubmissionKind>()}.");
            }

            query = query.Where(s => s.Kind == value);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(s => s.Number).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var themes = await SubmissionThemeNames.LoadAsync(db, items.Select(s => s.Id).ToList(), cancellationToken);
        var campaigns = await Campaigns.CampaignReader.OfSubmissionsAsync(db, caller, inquiry.Id, items.Select(s => s.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new SubmissionPage(total, paging.Page, paging.Size,
            items.Select(s => s.AsDto(prefix, caller, themes[s.Id]) with { Campaign = campaigns[s.Id] }).ToList()));
    }

    public static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> GetAsync(
        string reference, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var submission = await Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        var themes = await SubmissionThemeNames.LoadAsync(db, [submission.Id], cancellationToken);
        var campaigns = await Campaigns.CampaignReader.OfSubmissionsAsync(db, caller, submission.InquiryId, [submission.Id], cancellationToken);
        return TypedResults.Ok(submission.AsDto(submission.Inquiry!.Prefix, caller, themes[submission.Id]) with { Campaign = campaigns[submission.Id] });
    }

    public static async Task<Results<Ok<List<PassageDto>>, ProblemHttpResult>> PassagesAsync(
        string reference, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var submission = await Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        var passages = await db.Passages.AsNoTracking().Where(p => p.SubmissionId == submission.Id)
            .OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        return TypedResults.Ok(passages.Select(p => p.AsDto()).ToList());
    }

    /// <summary>
    /// The current version's bytes; <c>?version=n</c> an earlier (or any) version's. Staff downloading a
    /// file the public cannot have (of an unpublished submission, or an earlier version) is audited.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(
        string reference, int? version, Caller caller, EvidenceDbContext db, IBlobStore blobs, AuditLog audit, CancellationToken cancellationToken)
    {
        var submission = await Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        if (!caller.Reads(submission.InquiryId))
        {
            return await PublicFileAsync(submission, version, blobs, cancellationToken);
        }

        var unpublished = submission.Publication != Publication.Published;
        if (version is null)
        {
            var content = await blobs.GetAsync(submission.Sha256, cancellationToken);
            await AuditDownloadAsync(audit, caller, submission, unpublished, "current version", cancellationToken);
            return TypedResults.File(content, ContentTypes.Of(submission.DocumentType), submission.FileName);
        }

        var versions = await SubmissionVersions.AllAsync(db, submission, cancellationToken);
        var wanted = versions.FirstOrDefault(v => v.Number == version);
        if (wanted is null)
        {
            return Problems.NotFound($"Version {version} of {submission.Reference}");
        }

        var bytes = await blobs.GetAsync(wanted.Sha256, cancellationToken);
        await AuditDownloadAsync(audit, caller, submission, unpublished || wanted.Number != versions.Max(v => v.Number),
            $"version {wanted.Number}", cancellationToken);
        return TypedResults.File(bytes, ContentTypes.Of(wanted.DocumentType), wanted.FileName);
    }

    /// <summary>
    /// What the public downloads: the current version only, under the reference's name rather than the
    /// uploaded one, and rewritten without the author metadata the original file carries (a submitter
    /// who asked to be anonymous is often named in their file's properties).
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PublicFileAsync(
        Submission submission, int? version, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (version is not null)
        {
            return Problems.NotFound($"Version {version} of {submission.Reference}");
        }

        var original = await blobs.GetAsync(submission.Sha256, cancellationToken);
        try
        {
            var copy = PublicFileCopy.Create(original, submission.DocumentType);
            return TypedResults.File(copy, ContentTypes.Of(submission.DocumentType), SubmissionMapping.PublicFileName(submission.Reference, submission.DocumentType));
        }
        catch (PublicCopyException ex)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "This file has no public copy",
                $"{submission.Reference}'s file cannot be offered without its author details ({ex.Message}); its text is on the submission's passages.");
        }
    }

    private static Task AuditDownloadAsync(AuditLog audit, Caller caller, Submission submission, bool unpublished, string what, CancellationToken cancellationToken) =>
        unpublished && caller.IsSignedIn
            ? audit.WriteAsync(caller.Actor, AuditActions.DownloadedUnpublished, submission.Inquiry!.Prefix, submission.Reference,
                $"{what}, {submission.Publication.ToCode()}", cancellationToken)
            : Task.CompletedTask;

    /// <summary>The submission if it exists and the caller may see it; a hidden one is not found, never forbidden.</summary>
    public static async Task<Submission?> Find(EvidenceDbContext db, Caller caller, string reference, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        return submission is not null && caller.CanSee(submission) ? submission : null;
    }
}
