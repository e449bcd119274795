using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using EvidenceHub.Core;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Security;

/// <summary>
/// Callers who are not signed in get <c>EvidenceHub:PublicRequestsPerMinute</c> requests a minute from one
/// address (0 = no limit); past it, a 429 problem with <c>Retry-After</c>. Signed-in callers (staff) are never
/// limited: who is signed in comes from <see cref="HttpContext.User"/>, so authentication must run before
/// <see cref="UsePublicRateLimit"/>.
/// </summary>
public static class PublicRateLimit
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static void AddPublicRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<EvidenceHubOptions>>((limiter, options) =>
        {
            var perMinute = options.Value.PublicRequestsPerMinute;
            if (perMinute == 0)
            {
                return; // no global limiter: the middleware lets everything through
            }

            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A fixed window, so Retry-After (the limiter reports the whole window) is never too early.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = Window,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, perMinute, cancellationToken);
        });
    }

    /// <summary>Static files are not counted (they are cheap, and a page is several of them): only what follows this call is.</summary>
    public static void UsePublicRateLimit(this WebApplication app) => app.UseRateLimiter();

    /// <summary>
    /// One partition per IPv4 address, and per /64 for IPv6 — a single home or office line is given a whole
    /// /64, and could otherwise take a fresh address for every request. Behind a reverse proxy this is the
    /// proxy's address unless forwarded headers are enabled (see the README's deployment notes).
    /// </summary>
    private static string AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, int perMinute, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"More than {perMinute} requests came from your address in a minute. Try again in {seconds} seconds; "
            + "inquiry staff who sign in are not limited.";
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        }))
        {
            await http.Response.WriteAsync(detail, cancellationToken);
        }
    }
}
