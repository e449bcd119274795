using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Submissions;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

/// <summary>Tags by hand on submissions and passages, confirming and rejecting automatic tags, and the audit of it all.</summary>
public static class ThemeTagsApi
{
    public static void MapThemeTags(this IEndpointRouteBuilder app)
    {
        // Tags (with who made them and the rejected ones) and their audit are read by the inquiry's staff;
        // the public sees a submission's theme names on its record.
        var read = app.MapGroup("/api/submissions/{reference}/themes").WithTags("Themes").RequireInquiryMember(InquiryFrom.Reference);
        read.MapGet("/", SubmissionTagsAsync);
        read.MapGet("/audit", AuditAsync);

        // Tagging is the researchers' work.
        var submission = app.MapGroup("/api/submissions/{reference}/themes").WithTags("Themes").RequireInquiryRole(InquiryRole.Researcher, InquiryFrom.Reference);
        submission.MapPost("/", (string reference, TagRequest request, TagContext context, CancellationToken ct) =>
            ForSubmission(reference, request.ThemeId, TagAction.Tag, context, ct));
        submission.MapDelete("/", (string reference, long? themeId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TagRequest? request, TagContext context, CancellationToken ct) =>
            ForSubmission(reference, themeId ?? request?.ThemeId, TagAction.Untag, context, ct));
        submission.MapDelete("/{themeId:long}", (string reference, long themeId, TagContext context, CancellationToken ct) =>
            ForSubmission(reference, themeId, TagAction.Untag, context, ct));
        submission.MapPost("/{themeId:long}/confirm", (string reference, long themeId, TagContext context, CancellationToken ct) =>
            ForSubmission(reference, themeId, TagAction.Confirm, context, ct));
        submission.MapPost("/{themeId:long}/reject", (string reference, long themeId, TagContext context, CancellationToken ct) =>
            ForSubmission(reference, themeId, TagAction.Reject, context, ct));

        var passage = app.MapGroup("/api/passages/{id:long}/themes").WithTags("Themes").RequireInquiryRole(InquiryRole.Researcher, InquiryFrom.Passage);
        passage.MapPost("/", (long id, TagRequest request, TagContext context, CancellationToken ct) =>
            ForPassage(id, request.ThemeId, TagAction.Tag, context, ct));
        passage.MapDelete("/", (long id, long? themeId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TagRequest? request, TagContext context, CancellationToken ct) =>
            ForPassage(id, themeId ?? request?.ThemeId, TagAction.Untag, context, ct));
        passage.MapDelete("/{themeId:long}", (long id, long themeId, TagContext context, CancellationToken ct) =>
            ForPassage(id, themeId, TagAction.Untag, context, ct));
        passage.MapPost("/{themeId:long}/confirm", (long id, long themeId, TagContext context, CancellationToken ct) =>
            ForPassage(id, themeId, TagAction.Confirm, context, ct));
        passage.MapPost("/{themeId:long}/reject", (long id, long themeId, TagContext context, CancellationToken ct) =>
            ForPassage(id, themeId, TagAction.Reject, context, ct));
    }

    private static async Task<Results<Ok<ThemeTagDto>, NoContent, ProblemHttpResult>> ForSubmission(
        string reference, long? themeId, TagAction action, TagContext context, CancellationToken cancellationToken)
    {
        var submission = await SubmissionQueries.Find(context.Db, context.Caller, reference, cancellationToken);
        return submission is null
            ? Problems.NotFound($"The submission {reference}")
            : await context.Tagger.ApplyAsync(submission, null, themeId, action, context.Caller.Actor.Name, cancellationToken);
    }

    private static async Task<Results<Ok<ThemeTagDto>, NoContent, ProblemHttpResult>> ForPassage(
        long id, long? themeId, TagAction action, TagContext context, CancellationToken cancellationToken)
    {
        var submissionId = await context.Db.Passages.Where(p => p.Id == id).Select(p => (long?)p.SubmissionId).FirstOrDefaultAsync(cancellationToken);
        var submission = submissionId is null ? null
            : await context.Db.Submissions.AsNoTracking().Include(s => s.Inquiry).FirstAsync(s => s.Id == submissionId, cancellationToken);
        return submission is null || !context.Caller.CanSee(submission)
            ? Problems.NotFound($"The passage {id}")
            : await context.Tagger.ApplyAsync(submission, id, themeId, action, context.Caller.Actor.Name, cancellationToken);
    }

    /// <summary>Every tag of the submission and its passages, automatic ones with why they matched.</summary>
    private static async Task<Results<Ok<List<ThemeTagDto>>, ProblemHttpResult>> SubmissionTagsAsync(
        string reference, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var submission = await SubmissionQueries.Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        var (tags, names) = await ThemeAssignment.LoadAsync(db, [submission.Id], cancellationToken);
        return TypedResults.Ok(tags[submission.Id]
            .OrderBy(t => names.GetValueOrDefault(t.ThemeId), StringComparer.Ordinal).ThenBy(t => t.PassageId ?? 0)
            .Select(t => t.AsDto(names.GetValueOrDefault(t.ThemeId) ?? "")).ToList());
    }

    private static async Task<Results<Ok<List<TagAuditDto>>, ProblemHttpResult>> AuditAsync(
        string reference, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var submission = await SubmissionQueries.Find(db, caller, reference, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        var entries = await db.Set<ThemeTagAudit>().AsNoTracking().Where(a => a.SubmissionId == submission.Id)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(a => a.AsDto()).ToList());
    }
}

/// <summary>What every tag action needs, bound once.</summary>
public sealed record TagContext(EvidenceDbContext Db, Caller Caller, ManualTagger Tagger)
{
    public static ValueTask<TagContext?> BindAsync(HttpContext http)
    {
        var services = http.RequestServices;
        return ValueTask.FromResult<TagContext?>(new TagContext(
            services.GetRequiredService<EvidenceDbContext>(),
            Caller.Of(http),
            services.GetRequiredService<ManualTagger>()));
    }
}
