using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;

namespace EvidenceHub.Api.Access;

/// <summary>A role the caller holds in one inquiry.</summary>
public sealed record CallerMembership(int InquiryId, string Prefix, InquiryRole Role);

/// <summary>
/// Who is calling, from sign-in only (a cookie or a bearer token), and the one place that decides what
/// they may read. Anyone not signed in is the public: published submissions only, and an anonymous
/// submitter's name and organisation never. A signed-in user reads everything of the inquiries they
/// hold a role in and is the public everywhere else; an administrator reads everything.
/// </summary>
public sealed class Caller
{
    public static readonly Caller Public = new(null, null, false, []);

    public Caller(long? userId, string? email, bool isAdmin, IReadOnlyList<CallerMembership> memberships)
    {
        (UserId, Email, IsAdmin, Memberships) = (userId, email, isAdmin, memberships);
        readable = memberships.Select(m => m.InquiryId).ToHashSet();
    }

    private readonly HashSet<int> readable;

    public long? UserId { get; }

    public string? Email { get; }

    public bool IsAdmin { get; }

    public IReadOnlyList<CallerMembership> Memberships { get; }

    public bool IsSignedIn => UserId is not null;

    /// <summary>The name the audit log and tag history record.</summary>
    public Actor Actor => new(UserId, Email ?? "public");

    /// <summary>Reads everything of this inquiry: unpublished evidence, anonymous submitters' names, tags.</summary>
    public bool Reads(int inquiryId) => IsAdmin || readable.Contains(inquiryId);

    public bool Reads(string prefix) => IsAdmin || Memberships.Any(m => m.Prefix == prefix);

    public bool Has(string prefix, InquiryRole role) => IsAdmin || Memberships.Any(m => m.Prefix == prefix && m.Role == role);

    public bool Has(int inquiryId, InquiryRole role) => IsAdmin || Memberships.Any(m => m.InquiryId == inquiryId && m.Role == role);

    public bool CanSee(Submission submission) => submission.Publication == Publication.Published || Reads(submission.InquiryId);

    public bool SeesNameOf(Submission submission) => !submission.Anonymous || Reads(submission.InquiryId);

    public IQueryable<Submission> Visible(IQueryable<Submission> submissions)
    {
        if (IsAdmin)
        {
            return submissions;
        }

        var ids = readable.ToList();
        return submissions.Where(s => s.Publication == Publication.Published || ids.Contains(s.InquiryId));
    }

    /// <summary>Submissions of the inquiries where the caller holds <paramref name="role"/> (all, for an administrator).</summary>
    public IQueryable<Submission> WithRole(IQueryable<Submission> submissions, InquiryRole role)
    {
        if (IsAdmin)
        {
            return submissions;
        }

        var ids = Memberships.Where(m => m.Role == role).Select(m => m.InquiryId).ToList();
        return submissions.Where(s => ids.Contains(s.InquiryId));
    }

    /// <summary>
    /// The quotes the caller may see: those of the inquiries where they are an author (all, for an
    /// administrator), including source-deleted ones (their submission is gone; the quote keeps its inquiry).
    /// </summary>
    public IQueryable<Quote> VisibleQuotes(EvidenceDbContext db)
    {
        if (IsAdmin)
        {
            return db.Set<Quote>();
        }

        var ids = Memberships.Where(m => m.Role == InquiryRole.Author).Select(m => m.InquiryId).ToList();
        return db.Set<Quote>().Where(q => ids.Contains(q.InquiryId));
    }

    /// <summary>What the caller may read in the index: every inquiry for an administrator, their own inquiries in full, published evidence (with anonymous names hidden) elsewhere.</summary>
    public SearchAccess SearchAccess => IsAdmin ? SearchAccess.Everything : new SearchAccess(Memberships.Select(m => m.Prefix).ToHashSet(StringComparer.Ordinal));

    public SearchRequest Apply(SearchRequest request) => request with { Access = SearchAccess };

    /// <summary>Minimal API binding: a handler that takes a <see cref="Caller"/> gets the request's.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(Of(context));

    public static Caller Of(HttpContext context) =>
        context.Items.TryGetValue(typeof(Caller), out var caller) && caller is Caller known ? known : Public;
}
