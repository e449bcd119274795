namespace EvidenceHub.Api.Tests.Hardening;

/// <summary>The browser protections every response carries, as a test checks them.</summary>
internal static class SecurityHeadersAssert
{
    public static void Present(HttpResponseMessage response, string what)
    {
        var policy = Header(response, "Content-Security-Policy", what);
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, policy, $"{what}: {policy}");
        }

        Assert.DoesNotContain("unsafe-inline", policy, $"{what}: the pages need no inline script or style");
        Assert.DoesNotContain("unsafe-eval", policy, what);
        Assert.AreEqual("nosniff", Header(response, "X-Content-Type-Options", what));
        Assert.AreEqual("DENY", Header(response, "X-Frame-Options", what));
        Assert.AreEqual("strict-origin-when-cross-origin", Header(response, "Referrer-Policy", what));
    }

    public static string Header(HttpResponseMessage response, string name, string what)
    {
        var values = response.Headers.TryGetValues(name, out var found) ? found
            : response.Content.Headers.TryGetValues(name, out found) ? found : [];
        var value = string.Join(", ", values);
        Assert.IsFalse(string.IsNullOrEmpty(value), $"{what} has no {name} header");
        return value;
    }
}
