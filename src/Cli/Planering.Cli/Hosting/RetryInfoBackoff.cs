using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Planering.Cli.Hosting;

/// <summary>
/// Honours the server's <c>google.rpc.RetryInfo</c>: a call refused with RESOURCE_EXHAUSTED and a retry delay (the
/// rate limit) is sent again after that delay, then after doubling delays with jitter, up to <see cref="MaxAttempts"/>
/// attempts and <see cref="MaxTotalWait"/> of waiting in all. Safe for every method, writes included: the rate limit
/// refuses a call before any service runs, so the refused attempt changed nothing. A server stream is retried only when
/// the refusal comes before its first message (where the rate limit's refusal always comes).
/// </summary>
public sealed class RetryInfoBackoff : Interceptor
{
    /// <summary>Attempts in all, the first included. Eight doublings from the limiter's usual 1 s reach a couple of minutes' patience.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The most a command waits in all before it reports the refusal.</summary>
    public static readonly TimeSpan MaxTotalWait = TimeSpan.FromSeconds(90);

    /// <summary>No single wait is longer, whatever the server asks; the user sees a refusal instead.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncUnaryCall<TResponse>? current = null;
        async Task<TResponse> Respond()
        {
            var waited = TimeSpan.Zero;
            for (var attempt = 1; ; attempt++)
            {
                current = continuation(request, context);
                try
                {
                    return await current.ResponseAsync.ConfigureAwait(false);
                }
                catch (RpcException refused) when (Delay(refused, attempt, waited, context.Options.Deadline) is { } delay)
                {
                    current.Dispose();
                    waited += delay;
                    await Task.Delay(delay, context.Options.CancellationToken).ConfigureAwait(false);
                }
            }
        }

        var response = Respond();
        return new AsyncUnaryCall<TResponse>(
            response,
            HeadersAsync(response, () => current!),
            () => current!.GetStatus(),
            () => current!.GetTrailers(),
            () => current?.Dispose());
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var reader = new RetryingReader<TRequest, TResponse>(request, context, continuation);
        return new AsyncServerStreamingCall<TResponse>(
            reader,
            reader.HeadersAsync(),
            () => reader.Current.GetStatus(),
            () => reader.Current.GetTrailers(),
            reader.Dispose);
    }

    /// <summary>How long to wait before sending a refused call again, or null when it is not to be sent again.</summary>
    internal static TimeSpan? Delay(RpcException refused, int attempt, TimeSpan waited, DateTime? deadline)
    {
        if (refused.StatusCode != StatusCode.ResourceExhausted || attempt >= MaxAttempts
            || refused.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay is not { } asked)
        {
            return null;
        }

        // The server's delay first; later attempts back off exponentially from it, with up to 25 % jitter so that
        // several clients refused together do not come back together.
        var baseDelay = asked.ToTimeSpan();
        var backoff = baseDelay * Math.Pow(2, attempt - 1);
        var delay = TimeSpan.FromTicks((long)(Math.Min(backoff.Ticks, MaxDelay.Ticks) * (1 + (Random.Shared.NextDouble() * 0.25))));
        if (waited + delay > MaxTotalWait || (deadline is { } d && DateTime.UtcNow + delay >= d))
        {
            return null;
        }

        return delay;
    }

    private static async Task<Metadata> HeadersAsync<T>(Task<T> response, Func<AsyncUnaryCall<T>> current)
    {
        try
        {
            await response.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The last attempt's headers are still there to read.
        }

        return await current().ResponseHeadersAsync.ConfigureAwait(false);
    }

    /// <summary>A server stream that starts over while the server refuses it before its first message.</summary>
    private sealed class RetryingReader<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
        : IAsyncStreamReader<TResponse>, IDisposable
        where TRequest : class
        where TResponse : class
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _received;
        private int _attempt = 1;
        private TimeSpan _waited;

        public AsyncServerStreamingCall<TResponse> Current { get; private set; } = continuation(request, context);

        TResponse IAsyncStreamReader<TResponse>.Current => Current.ResponseStream.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    var more = await Current.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
                    _received = true;
                    _started.TrySetResult();
                    return more;
                }
                catch (RpcException refused) when (!_received && Delay(refused, _attempt, _waited, context.Options.Deadline) is { } delay)
                {
                    Current.Dispose();
                    _attempt++;
                    _waited += delay;
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    Current = continuation(request, context);
                }
                catch
                {
                    _started.TrySetResult();
                    throw;
                }
            }
        }

        /// <summary>The headers of the attempt that was not refused (or of the last one).</summary>
        public async Task<Metadata> HeadersAsync()
        {
            await _started.Task.ConfigureAwait(false);
            return await Current.ResponseHeadersAsync.ConfigureAwait(false);
        }

        public void Dispose()
        {
            _started.TrySetResult();
            Current.Dispose();
        }
    }
}
