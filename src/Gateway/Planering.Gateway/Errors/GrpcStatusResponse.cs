using System.Globalization;
using System.Text;
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
        response.Headers["grpc-message"] = PercentEncode(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return response.CompleteAsync();
    }

    /// <summary>
    /// grpc-message as the gRPC HTTP/2 protocol defines it ("Percent-Encoded"): the message's UTF-8 bytes, with only the
    /// bytes outside printable ASCII (0x20–0x7E) and '%' itself written as %XX. Spaces, ';' and ':' stay as they are, as
    /// Grpc.AspNetCore writes the statuses of the services; <see cref="Uri.EscapeDataString(string)"/> encodes those too,
    /// and clients that decode only what the protocol asks then show "caller%3B slow down".
    /// </summary>
    public static string PercentEncode(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.All(c => c is >= ' ' and <= '~' and not '%'))
        {
            return message;
        }

        var encoded = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
