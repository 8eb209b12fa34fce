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

    /// <summary>Sends a client-streaming call's messages, completes it and returns its answer; a refused call throws its <see cref="RpcException"/>.</summary>
    public static async Task<TResponse> SendAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, params TRequest[] messages)
    {
        using (call)
        {
            try
            {
                foreach (var message in messages)
                {
                    await call.RequestStream.WriteAsync(message);
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The server answered before every message was sent; its status follows from the response.
            }
            catch (InvalidOperationException)
            {
                // The same, seen as a write after the call completed.
            }

            return await call.ResponseAsync;
        }
    }
}
