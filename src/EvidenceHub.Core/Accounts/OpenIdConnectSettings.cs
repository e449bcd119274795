namespace EvidenceHub.Core.Accounts;

/// <summary>
/// <c>EvidenceHub:OpenIdConnect</c>: signing in with an organisation's own directory (Entra ID, Keycloak,
/// any OpenID Connect provider). Nothing of it is switched on while <see cref="Authority"/> is empty.
/// </summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The provider's issuer URL; its <c>.well-known/openid-configuration</c> is read from here.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (the code flow is protected by PKCE either way).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The text of the sign-in button.</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation";

    /// <summary>The identity-token claim whose values <see cref="Roles"/> maps (Entra ID: <c>roles</c> for app roles, <c>groups</c> for groups).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Space-separated, as in the protocol.</summary>
    public string Scopes { get; set; } = "openid profile email";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A claim value → <c>admin</c>, or <c>clerk:LBN</c>, <c>researcher:LBN</c>, <c>author:LBN</c>.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>What is wrong with these settings, in words an operator can act on; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            problems.Add($"EvidenceHub:OpenIdConnect:Authority '{Authority}' is not an http(s) URL.");
        }
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
        {
            problems.Add("EvidenceHub:OpenIdConnect:Authority is plain http; use https, or set RequireHttpsMetadata to false for a test provider.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("EvidenceHub:OpenIdConnect:ClientId is required when an Authority is set.");
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            problems.Add("EvidenceHub:OpenIdConnect:RoleClaim must name a claim.");
        }

        if (!Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid", StringComparer.Ordinal))
        {
            problems.Add("EvidenceHub:OpenIdConnect:Scopes must include openid.");
        }

        problems.AddRange(Roles
            .Where(mapping => !DirectoryGrant.TryParse(mapping.Value, out _))
            .Select(mapping => $"EvidenceHub:OpenIdConnect:Roles:{mapping.Key} = '{mapping.Value}' is not admin or role:PREFIX (clerk, researcher or author, and an inquiry prefix of 3–5 capitals)."));
        return problems;
    }
}
