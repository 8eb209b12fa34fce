using System.Globalization;
using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;
using Planering.Gateway.Errors;

namespace Planering.Gateway.Limits;

/// <summary>
/// ASP.NET Core's rate limiter with one token bucket per caller. It runs after authentication, so a caller with a
/// valid token is counted by its subject wherever it connects from; anyone else by the remote address.
/// </summary>
public static partial class CallerRateLimiting
{
    public static IServiceCollection AddPlaneringRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        if (!options.Enabled)
        {
            return services;
        }

        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = options.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(CallerOf(http), _ => bucket));
            limiter.OnRejected = OnRejectedAsync;
        });
    }

    /// <summary>The partition a call counts against: <c>sub:</c> and the token's subject, else <c>ip:</c> and the address.</summary>
    public static string CallerOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var subject = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value : null;
        return string.IsNullOrEmpty(subject)
            ? $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}"
            : $"sub:{subject}";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var caller = CallerOf(http);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CallerRateLimiting));
        LogRejected(logger, http.Request.Path.Value ?? string.Empty, caller);

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        if (!GrpcStatusResponse.IsGrpc(http))
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return;
        }

        await GrpcStatusResponse.WriteAsync(http, Code.ResourceExhausted,
            "too many calls from this caller; slow down and retry after the delay given", "RATE_LIMITED",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["caller"] = caller },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method}: rate limit reached for {Caller}")]
    private static partial void LogRejected(ILogger logger, string method, string caller);
}
