using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Serialises campaign work in one inquiry across nodes with the database's row lock on the inquiry: an update
/// that changes nothing, inside the caller's transaction, held until it commits.
/// </summary>
public static class InquiryLock
{
    public static Task<int> TakeAsync(EvidenceDbContext db, int inquiryId, CancellationToken cancellationToken) =>
        db.Inquiries.Where(i => i.Id == inquiryId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastReferenceNumber, i => i.LastReferenceNumber), cancellationToken);
}
