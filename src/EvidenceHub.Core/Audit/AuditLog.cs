using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Storage;

namespace EvidenceHub.Core.Audit;

/// <summary>
/// Records what people did. <see cref="Add"/> stages an entry in the caller's unit of work, so the
/// entry commits with the change it describes (or not at all); <see cref="WriteAsync"/> is for
/// actions with nothing else to save, such as a sign-in or a download.
/// </summary>
public sealed class AuditLog(EvidenceDbContext db, TimeProvider clock)
{
    public void Add(Actor actor, string action, string? inquiry = null, string? reference = null, string? detail = null) =>
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            User = Truncate(actor.Name, 256)!,
            Action = action,
            Inquiry = inquiry ?? InquiryOf(reference),
            Reference = reference,
            Detail = Truncate(detail, 1000),
        });

    public async Task WriteAsync(Actor actor, string action, string? inquiry = null, string? reference = null, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        Add(actor, action, inquiry, reference, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? InquiryOf(string? reference) => reference is null ? null : Submissions.ReferenceCode.PrefixOf(reference);

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
