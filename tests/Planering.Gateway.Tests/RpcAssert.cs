using Google.Rpc;
using Grpc.Core;

namespace Planering.Gateway.Tests;

/// <summary>Asserts on a call's gRPC status and its google.rpc.BadRequest field violations.</summary>
internal static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
        return error;
    }

    /// <summary>The <c>google.rpc.ErrorInfo</c> reason of a failed call, or null when it has none.</summary>
    public static string? ReasonOf(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    public static async Task<IReadOnlyList<string>> InvalidFieldsAsync(Func<Task> call)
    {
        var error = await FailsAsync(StatusCode.InvalidArgument, call);
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return badRequest.FieldViolations.Select(v => v.Field).ToList();
    }
}
