using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Accounts;

/// <summary>
/// Stages an <see cref="IndexChange.Access"/> row in the change log when a save changes who may read what, so
/// that every node forgets the sign-ins it keeps (<see cref="AccessChanges"/>). <see cref="EvidenceDbContext"/>
/// calls it before every save; nothing changes tokens, users, roles or prefixes with a bulk update.
/// </summary>
public static class AccessChangeLog
{
    /// <summary>What a kept caller is made of: a change to any of these is a change of access.</summary>
    private static readonly HashSet<string> UserAccess = new(StringComparer.Ordinal)
    {
        nameof(EvidenceUser.IsAdmin), nameof(EvidenceUser.LockoutEnd), nameof(EvidenceUser.LockoutEnabled),
        nameof(EvidenceUser.Email), nameof(EvidenceUser.SecurityStamp),
    };

    /// <summary>Stages one access row if the tracked changes touch access.</summary>
    public static void RecordTracked(EvidenceDbContext db)
    {
        if (db.ChangeTracker.Entries().Any(Touches))
        {
            db.Add(new IndexChange { SubmissionId = null, Access = true, At = DateTimeOffset.UtcNow });
        }
    }

    private static bool Touches(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.State switch
    {
        EntityState.Deleted => entry.Entity is PersonalToken or EvidenceUser or InquiryMembership or Inquiry,
        EntityState.Added => entry.Entity is InquiryMembership, // a token or a user new to the database is in no one's keeping
        EntityState.Modified => entry.Entity switch
        {
            PersonalToken or InquiryMembership => true,
            EvidenceUser => entry.Properties.Any(p => p.IsModified && UserAccess.Contains(p.Metadata.Name)),
            Inquiry => entry.Property(nameof(Inquiry.Prefix)).IsModified,
            _ => false,
        },
        _ => false,
    };
}
