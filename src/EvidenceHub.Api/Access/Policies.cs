using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Submissions;
using Microsoft.AspNetCore.Authorization;

namespace EvidenceHub.Api.Access;

/// <summary>Where an endpoint finds the inquiry its role is checked in.</summary>
public enum InquiryFrom
{
    /// <summary>The route's <c>{prefix}</c>.</summary>
    Prefix,

    /// <summary>The route's <c>{reference}</c> (its leading letters).</summary>
    Reference,

    /// <summary>The inquiry of the theme <c>{id}</c>.</summary>
    Theme,

    /// <summary>The inquiry of the passage <c>{id}</c>.</summary>
    Passage,

    /// <summary>The inquiry of the quote <c>{id}</c>.</summary>
    Quote,

    /// <summary>The inquiry of the campaign <c>{id}</c>.</summary>
    Campaign,

    /// <summary>Not in the route (a body, or many inquiries): the role in any inquiry lets the request in, and the handler checks each inquiry it touches.</summary>
    Handler,
}

/// <summary>Endpoint metadata: which inquiry an endpoint's role applies to.</summary>
public sealed record InquiryScope(InquiryFrom From);

/// <summary>
/// Every endpoint states one of these (a test fails if one does not): public reads, signed-in users,
/// administrators, or a role in the endpoint's inquiry. Anything unstated falls back to administrators.
/// </summary>
public static class Policies
{
    public const string SignedIn = "signed-in";
    public const string Admin = "admin";
    public const string Member = "inquiry-member";

    public static string Of(InquiryRole role) => "inquiry-" + role.ToCode();

    /// <summary>Anyone, signed in or not; what they see is still decided by <see cref="Caller"/>.</summary>
    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous();

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(SignedIn);

    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Admin);

    /// <summary>This role in the endpoint's inquiry (or administrator).</summary>
    public static TBuilder RequireInquiryRole<TBuilder>(this TBuilder builder, InquiryRole role, InquiryFrom from)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Of(role)).WithMetadata(new InquiryScope(from));

    /// <summary>Any role in the endpoint's inquiry (or administrator): reading what only its staff may read.</summary>
    public static TBuilder RequireInquiryMember<TBuilder>(this TBuilder builder, InquiryFrom from)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Member).WithMetadata(new InquiryScope(from));

    public static void AddEvidencePolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, InquiryRoleHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().AddRequirements(new InquiryRoleRequirement(null, SignedInOnly: true)))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new InquiryRoleRequirement(null, AdminOnly: true)))
            .AddPolicy(Member, p => p.RequireAuthenticatedUser().AddRequirements(new InquiryRoleRequirement(null)))
            .AddPolicy(Of(InquiryRole.Clerk), p => p.RequireAuthenticatedUser().AddRequirements(new InquiryRoleRequirement(InquiryRole.Clerk)))
            .AddPolicy(Of(InquiryRole.Researcher), p => p.RequireAuthenticatedUser().AddRequirements(new InquiryRoleRequirement(InquiryRole.Researcher)))
            .AddPolicy(Of(InquiryRole.Author), p => p.RequireAuthenticatedUser().AddRequirements(new InquiryRoleRequirement(InquiryRole.Author)))
            // An endpoint that forgot to state a policy is for administrators only: closed, not open. (A
            // request that matched no endpoint — a missing page — is left to answer its 404.)
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .AddRequirements(new InquiryRoleRequirement(null, AdminOnly: true, Fallback: true)).Build());
    }
}
