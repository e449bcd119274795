using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Inquiries;

public static class InquiriesApi
{
    public static void MapInquiries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inquiries").WithTags("Inquiries");
        group.MapPost("/", CreateAsync).RequireAdmin();
        group.MapGet("/", ListAsync).AllowPublic();
        group.MapGet("/{prefix}", GetAsync).AllowPublic();
    }

    private static async Task<Results<Created<InquiryDto>, ProblemHttpResult>> CreateAsync(
        CreateInquiryRequest request, Caller caller, EvidenceDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return Problems.BadRequest("The inquiry needs a title", "Give the inquiry a title.");
        }

        var prefix = request.ReferencePrefix?.Trim() ?? string.Empty;
        if (!ReferenceCode.IsValidPrefix(prefix))
        {
            return Problems.BadRequest("The reference prefix is not valid",
                $"'{prefix}' is not a reference prefix: use 3 to 5 capital letters, such as LBN.");
        }

        if (await db.Inquiries.AnyAsync(i => i.Prefix == prefix, cancellationToken))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The reference prefix is taken",
                $"An inquiry with the prefix {prefix} already exists; choose another.");
        }

        var inquiry = new Inquiry
        {
            Prefix = prefix,
            Title = request.Title.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Inquiries.Add(inquiry);
        audit.Add(caller.Actor, AuditActions.InquiryCreated, prefix, detail: inquiry.Title);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The reference prefix is taken",
                $"An inquiry with the prefix {prefix} already exists; choose another.");
        }

        return TypedResults.Created($"/api/inquiries/{prefix}", inquiry.AsDto(0));
    }

    private static async Task<Ok<List<InquiryDto>>> ListAsync(Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var visible = caller.Visible(db.Submissions);
        var inquiries = await InquiryLookup.Visible(db, caller).AsNoTracking().OrderBy(i => i.Prefix)
            .Select(i => new { Inquiry = i, Count = visible.Count(s => s.InquiryId == i.Id) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(inquiries.Select(x => x.Inquiry.AsDto(x.Count)).ToList());
    }

    private static async Task<Results<Ok<InquiryDto>, ProblemHttpResult>> GetAsync(
        string prefix, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var inquiry = await InquiryLookup.FindAsync(db, caller, prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var count = await caller.Visible(db.Submissions).CountAsync(s => s.InquiryId == inquiry.Id, cancellationToken);
        return TypedResults.Ok(inquiry.AsDto(count));
    }
}
