using System.Net.Http;
using System.Net.Sockets;
using Google.Rpc;
using Grpc.Core;
using Planering.Cli.Hosting;

namespace Planering.Cli.Errors;

/// <summary>
/// Turns a failed call into the one line a user reads: the status, then the field violations (google.rpc.BadRequest)
/// or the message, then the reason and its metadata (google.rpc.ErrorInfo), such as the next free slot after a
/// booking lost a race.
/// </summary>
public static class RpcErrorLine
{
    public static string Describe(RpcException error, string server)
    {
        if (IsUnreachable(error))
        {
            return $"cannot reach the Planering server at {server} ({Innermost(error.Status.DebugException!).Message.TrimEnd('.')}); is it running? Give its address with --server or PLANERING_SERVER";
        }

        var text = $"{StatusName(error.StatusCode)}: ";
        var status = error.GetRpcStatus();
        var badRequest = status?.GetDetail<BadRequest>();
        text += badRequest is { FieldViolations.Count: > 0 }
            ? string.Join("; ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"))
            : OneLine(error.Status.Detail);

        if (status?.GetDetail<ErrorInfo>() is { } info)
        {
            var metadata = info.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}");
            text += $" [{string.Join(' ', new[] { info.Reason }.Concat(metadata))}]";
        }

        text += error.StatusCode switch
        {
            StatusCode.Unimplemented => $" (the server at {server} does not offer this call yet)",
            StatusCode.Unauthenticated => $" (give a token with --token or {GlobalOptions.TokenVariable}; {MintHint})",
            _ => string.Empty,
        };

        return text;
    }

    /// <summary>How a user of the embedded default gets a token, from the repository's root.</summary>
    public const string MintHint = "for the embedded default: dotnet run --project src/Silo/Planering.Silo -- mint-token --role viewer";

    /// <summary>
    /// True when the client never got an answer from a server: the connection failed. The server's own UNAVAILABLE
    /// (its cluster is down) carries no such cause and is reported as the server said it.
    /// </summary>
    public static bool IsUnreachable(RpcException error) =>
        error.StatusCode == StatusCode.Unavailable && error.Status.DebugException is HttpRequestException or SocketException or IOException;

    /// <summary>UPPER_SNAKE as in the gRPC specification, e.g. FAILED_PRECONDITION: the name the server's documentation uses.</summary>
    public static string StatusName(StatusCode code)
    {
        var name = code.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return code == StatusCode.OK ? "OK" : builder.ToString();
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
