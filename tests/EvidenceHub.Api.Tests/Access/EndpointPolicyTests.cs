using EvidenceHub.Api.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>Every endpoint states who may call it, so a new route cannot be forgotten open.</summary>
[TestClass]
public sealed class EndpointPolicyTests
{
    [TestMethod]
    public void Every_endpoint_states_a_policy_or_says_it_is_public()
    {
        using var factory = new EvidenceHubFactory();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.IsGreaterThan(60, endpoints.Count, "the whole API is listed");

        var unstated = Unstated(endpoints);
        Assert.IsEmpty(unstated, "endpoints with no policy: " + string.Join(", ", unstated));
    }

    [TestMethod]
    public void An_endpoint_without_a_policy_is_reported()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten");
        var stated = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/stated"), 0,
            new EndpointMetadataCollection(new AuthorizeAttribute("admin")), "stated");
        Assert.AreSequenceEqual(new[] { "/api/forgotten" }, Unstated([bare, stated]));
    }

    private static List<string> Unstated(IEnumerable<RouteEndpoint> endpoints) =>
        endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?")
            .ToList();
}
