using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Planering.Gateway.Errors;

/// <summary>
/// Answers a gRPC call from middleware, before any service runs (authentication, authorisation, rate limiting), with
/// a proper gRPC status rather than an HTTP error code: HTTP 200 with the status in the headers ("trailers-only"), as
/// a gRPC server does, so every client sees the intended code (HTTP 429 would reach clients as UNAVAILABLE) and the
/// <c>google.rpc.ErrorInfo</c> reason.
/// </summary>
public static class GrpcStatusResponse
{
    public const string ErrorDomain = "planering.skolverket.se";

    /// <summary>True for gRPC requests; other HTTP requests get ordinary HTTP status codes.</summary>
    public static bool IsGrpc(HttpContext http) =>
        http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext http, Code code, string message, string reason, IReadOnlyDictionary<string, string>? metadata = null, IMessage? extraDetail = null)
    {
        var response = http.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(info));
        if (extraDetail is not null)
        {
            status.Details.Add(Any.Pack(extraDetail));
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return response.CompleteAsync();
    }
}
