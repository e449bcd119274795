using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace EvidenceHub.Api.Access;

/// <summary>
/// Sign-in: ASP.NET Core Identity users in the EvidenceHub database, a cookie for the web page, bearer
/// tokens for scripts (a policy scheme picks by the Authorization header), and the policies every
/// endpoint states.
/// </summary>
public static class AuthRegistration
{
    public const string Scheme = "EvidenceHub";

    public static void AddEvidenceAuthentication(this IServiceCollection services)
    {
        services.AddIdentityCore<EvidenceUser>(identity =>
            {
                // Length over composition rules (NCSC password guidance); lockout after repeated failures.
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<EvidenceDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.Scheme, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "EvidenceHub.SignIn";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/signin";
            // The API answers 401/403 with problem details; only pages are sent to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryCheck.HeaderName;
            antiforgery.Cookie.Name = "EvidenceHub.Antiforgery";
        });
        services.AddEvidencePolicies();
        services.AddScoped<TokenIssuer>();
        services.AddSingleton<AccessChanges>();
        services.AddSingleton<SignInCache>();
        services.AddScoped<AuditLog>();
    }

    public static void UseEvidenceAuthentication(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseCallerResolution();
        app.UseAuthorization();
        app.UseAntiforgeryCheck();
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
