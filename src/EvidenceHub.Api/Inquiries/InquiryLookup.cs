using EvidenceHub.Api.Access;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Inquiries;

/// <summary>
/// Whether an inquiry exists for the caller: for its staff and administrators always; for everyone else
/// only once something in it is published. An inquiry with nothing published is not found, so its
/// prefix and title are not learned before the committee publishes.
/// </summary>
public static class InquiryLookup
{
    public static async Task<Inquiry?> FindAsync(EvidenceDbContext db, Caller caller, string prefix, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        return inquiry is null || caller.Reads(inquiry.Id) || await HasPublishedAsync(db, inquiry.Id, cancellationToken) ? inquiry : null;
    }

    public static IQueryable<Inquiry> Visible(EvidenceDbContext db, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return db.Inquiries;
        }

        var own = caller.Memberships.Select(m => m.InquiryId).ToList();
        return db.Inquiries.Where(i => own.Contains(i.Id)
            || db.Submissions.Any(s => s.InquiryId == i.Id && s.Publication == Publication.Published));
    }

    private static Task<bool> HasPublishedAsync(EvidenceDbContext db, int inquiryId, CancellationToken cancellationToken) =>
        db.Submissions.AnyAsync(s => s.InquiryId == inquiryId && s.Publication == Publication.Published, cancellationToken);
}
