using Google.Rpc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;
using Planering.Gateway.Errors;

namespace Planering.Gateway.Security;

/// <summary>
/// Turns a refused call into the gRPC status the caller can act on: no usable token is UNAUTHENTICATED (reason
/// <c>TOKEN_MISSING</c>, <c>TOKEN_EXPIRED</c> or <c>TOKEN_INVALID</c>), a token without a role the method needs is
/// PERMISSION_DENIED (reason <c>ROLE_REQUIRED</c>, the roles that would do in the metadata). Either way the service
/// never runs, so nothing changes. Every refusal is logged.
/// </summary>
public sealed partial class GrpcAuthorizationResultHandler(ILogger<GrpcAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded || !GrpcStatusResponse.IsGrpc(context))
        {
            await _http.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var method = context.Request.Path.Value ?? string.Empty;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var allowed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles).Distinct(StringComparer.Ordinal).ToList() ?? [];
            var subject = context.User.FindFirst("sub")?.Value ?? "(no subject)";
            LogForbidden(logger, method, subject, string.Join(",", allowed), remote);
            await GrpcStatusResponse.WriteAsync(context, Code.PermissionDenied,
                $"this method needs the role {string.Join(" or ", allowed)}", "ROLE_REQUIRED",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["roles"] = string.Join(",", allowed), ["method"] = method });
            return;
        }

        // The authentication middleware keeps only a success; the handler caches its result, so asking again is cheap.
        var failure = context.RequestServices.GetService<IAuthenticationService>() is null ? null : (await context.AuthenticateAsync()).Failure;
        var (reason, message) = failure switch
        {
            null => ("TOKEN_MISSING", "a bearer token is required (header authorization: Bearer <token>)"),
            SecurityTokenExpiredException => ("TOKEN_EXPIRED", "the bearer token has expired"),
            _ => ("TOKEN_INVALID", "the bearer token is not valid for this service"),
        };
        LogUnauthenticated(logger, method, reason, remote, failure?.Message ?? "no authorization header");
        await GrpcStatusResponse.WriteAsync(context, Code.Unauthenticated, message, reason,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = method });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: refused as unauthenticated ({Reason}) from {Remote}: {Detail}")]
    private static partial void LogUnauthenticated(ILogger logger, string method, string reason, string remote, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: refused to {Subject}, who lacks the role {Roles}, from {Remote}")]
    private static partial void LogForbidden(ILogger logger, string method, string subject, string roles, string remote);
}
