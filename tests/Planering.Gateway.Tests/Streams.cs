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

    /// <summary>Reads every message and returns the last.</summary>
    public static async Task<T> LastAsync<T>(AsyncServerStreamingCall<T> call)
        where T : class
    {
        using (call)
        {
            T? last = null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                last = call.ResponseStream.Current;
            }

            return last ?? throw new InvalidOperationException("the stream ended without a message");
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
