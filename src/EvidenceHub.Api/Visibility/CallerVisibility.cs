using EvidenceHub.Core;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Visibility;

/// <summary>
/// The one place that decides what a caller may see. Staff see every submission; the public sees
/// published submissions only — in hits, facet counts, snippets, similar submissions, passages,
/// downloads, lists and counts. A submission the caller may not see does not exist for them (404).
/// <para>
/// Until sign-in exists the audience comes from two places, and the narrower wins:
/// the configuration default <c>EvidenceHub:DefaultAudience</c> (<c>Staff</c> or <c>Public</c>;
/// a public-facing host sets <c>Public</c>) and the request header <c>X-EvidenceHub-Audience</c>
/// (<c>public</c> or <c>staff</c>). The header can only narrow: <c>staff</c> on a public host is
/// still public, and an unknown value is treated as <c>public</c>. Sign-in will replace the header
/// with the user's role here and nowhere else.
/// </para>
/// </summary>
public sealed class CallerVisibility
{
    public const string AudienceHeader = "X-EvidenceHub-Audience";

    public static readonly CallerVisibility Staff = new(Audience.Staff);

    public static readonly CallerVisibility Public = new(Audience.Public);

    private CallerVisibility(Audience audience) => Audience = audience;

    public Audience Audience { get; }

    /// <summary>What this caller may read in the index: staff everything, the public published evidence with anonymous names hidden.</summary>
    public SearchAccess SearchAccess => Audience == Audience.Staff ? SearchAccess.Everything : SearchAccess.PublicOnly;

    public bool CanSee(Submission submission) =>
        Audience == Audience.Staff || submission.Publication == Publication.Published;

    public IQueryable<Submission> Visible(IQueryable<Submission> submissions) =>
        Audience == Audience.Staff ? submissions : submissions.Where(s => s.Publication == Publication.Published);

    public SearchRequest Apply(SearchRequest request) => request with { Access = SearchAccess };

    /// <summary>Minimal API binding: any handler that takes a <see cref="CallerVisibility"/> gets the caller's.</summary>
    public static ValueTask<CallerVisibility?> BindAsync(HttpContext context) => ValueTask.FromResult<CallerVisibility?>(Of(context));

    public static CallerVisibility Of(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<EvidenceHubOptions>>().Value.DefaultAudience;
        if (configured == Audience.Public)
        {
            return Public;
        }

        var header = context.Request.Headers[AudienceHeader].ToString().Trim();
        return header.Length == 0 || header.Equals("staff", StringComparison.OrdinalIgnoreCase) ? Staff : Public;
    }
}
