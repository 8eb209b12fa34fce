using Grpc.Core;

namespace Planering.Gateway.Tests;

/// <summary>Runs a server-streaming call far enough for its status to arrive, for tests that care only about that.</summary>
internal static class Streams
{
    /// <summary>Reads every message; a refused call throws its <see cref="RpcException"/>.</summary>
    public static async Task DrainAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }
    }

    /// <summary>Reads the first message (or the refusal) and hangs up.</summary>
    public static async Task FirstAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }
    }
}
