using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Inquiries;
using EvidenceHub.Api.Search;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Campaigns;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Campaigns;

/// <summary>An inquiry's campaigns, and a clerk's decisions about them (which detection keeps).</summary>
public static class CampaignsApi
{
    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var inquiry = app.MapGroup("/api/inquiries/{prefix}/campaigns").WithTags("Campaigns");
        inquiry.MapGet("/", ListAsync).AllowPublic().ReadsIndex();
        inquiry.MapPost("/detect", Detect).RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Prefix);

        var campaign = app.MapGroup("/api/campaigns/{id:long}").WithTags("Campaigns").RequireInquiryRole(InquiryRole.Clerk, InquiryFrom.Campaign);
        campaign.MapPut("/", RenameAsync);
        campaign.MapPost("/members/{reference}", (long id, string reference, Caller caller, EvidenceDbContext db, CampaignEdits edits, ImmediateIndexUpdate indexNow, CancellationToken ct) =>
            MemberAsync(id, reference, db, indexNow, submissionId => edits.AddAsync(id, submissionId, caller.Actor, ct), ct));
        campaign.MapDelete("/members/{reference}", (long id, string reference, Caller caller, EvidenceDbContext db, CampaignEdits edits, ImmediateIndexUpdate indexNow, CancellationToken ct) =>
            MemberAsync(id, reference, db, indexNow, submissionId => edits.RemoveAsync(id, submissionId, caller.Actor, ct), ct));
        campaign.MapPost("/split", SplitAsync);
    }

    private static async Task<Results<Ok<CampaignListDto>, ProblemHttpResult>> ListAsync(
        string prefix, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var inquiry = await InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        return TypedResults.Ok(new CampaignListDto(await CampaignReader.ListAsync(db, caller, inquiry.Id, null, cancellationToken)));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Detect(string prefix, Caller caller, EvidenceDbContext db, AuditLog audit, IPipelineQueue queue, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        queue.DetectCampaigns(inquiry.Id);
        await audit.WriteAsync(caller.Actor, AuditActions.CampaignsDetected, inquiry.Prefix, detail: "whole-inquiry re-run queued", cancellationToken: cancellationToken);
        return TypedResults.Accepted($"/api/inquiries/{inquiry.Prefix}/campaigns");
    }

    private static async Task<Results<Ok<CampaignRefDto>, ProblemHttpResult>> RenameAsync(
        long id, CampaignLabelRequest request, Caller caller, EvidenceDbContext db, CampaignEdits edits, ImmediateIndexUpdate indexNow, CancellationToken cancellationToken)
    {
        var result = await edits.RenameAsync(id, request.Label, caller.Actor, cancellationToken);
        if (result.Status != CampaignEditStatus.Done)
        {
            return Problem(result, id, null);
        }

        await indexNow.ApplyAsync();
        var inquiryId = await db.Set<Campaign>().Where(c => c.Id == id).Select(c => c.InquiryId).FirstAsync(cancellationToken);
        var dto = (await CampaignReader.ListAsync(db, caller, inquiryId, [id], cancellationToken)).FirstOrDefault();
        return TypedResults.Ok(new CampaignRefDto(id, dto?.Label ?? request.Label ?? $"Campaign {id}"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MemberAsync(
        long id, string reference, EvidenceDbContext db, ImmediateIndexUpdate indexNow, Func<long, Task<CampaignEditResult>> edit, CancellationToken cancellationToken)
    {
        var submissionId = await db.Submissions.Where(s => s.Reference == reference.ToUpperInvariant()).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (submissionId is null)
        {
            return Problems.NotFound($"The submission {reference}");
        }

        var result = await edit(submissionId.Value);
        if (result.Status != CampaignEditStatus.Done)
        {
            return Problem(result, id, reference);
        }

        await indexNow.ApplyAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<CampaignRefDto>, ProblemHttpResult>> SplitAsync(
        long id, CampaignSplitRequest request, Caller caller, EvidenceDbContext db, CampaignEdits edits, ImmediateIndexUpdate indexNow, CancellationToken cancellationToken)
    {
        var references = (request.Members ?? []).Select(r => r.Trim().ToUpperInvariant()).Distinct().ToList();
        var ids = await db.Submissions.Where(s => references.Contains(s.Reference)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (references.Count == 0 || ids.Count != references.Count)
        {
            return Problems.BadRequest("Name the members to split off", "Send members: the references of one or more members of this campaign.");
        }

        var result = await edits.SplitAsync(id, ids, request.Label, caller.Actor, cancellationToken);
        if (result.Status != CampaignEditStatus.Done)
        {
            return Problem(result, id, null);
        }

        await indexNow.ApplyAsync();
        return TypedResults.Created($"/api/campaigns/{result.CampaignId}", new CampaignRefDto(result.CampaignId!.Value, request.Label?.Trim() is { Length: > 0 } label ? label : $"Campaign {result.CampaignId}"));
    }

    private static ProblemHttpResult Problem(CampaignEditResult result, long id, string? reference) => result.Status switch
    {
        CampaignEditStatus.CampaignNotFound => Problems.NotFound($"The campaign {id}"),
        CampaignEditStatus.SubmissionNotFound => Problems.Of(StatusCodes.Status404NotFound, "Not found",
            $"The submission {reference} is not in campaign {id}'s inquiry{(result.Problem is null ? "." : $": {result.Problem}")}"),
        _ => Problems.Of(StatusCodes.Status422UnprocessableEntity, "The campaign was not changed", result.Problem),
    };
}
