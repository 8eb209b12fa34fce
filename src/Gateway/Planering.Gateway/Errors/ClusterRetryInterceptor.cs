using Grpc.Core;
using Grpc.Core.Interceptors;
using Planering.Gateway.Hosting;

namespace Planering.Gateway.Errors;

/// <summary>
/// Rides out the first moments of a silo's loss inside the API, so a caller sees a slower answer instead of
/// UNAVAILABLE. A unary call runs again after a short backoff, for at most <see cref="PlaneringClusterOptions.RetryWindow"/>
/// and never past the caller's deadline, when
/// <list type="bullet">
/// <item>Orleans rejected its grain call: the message could not be sent to a silo that is gone, or the silo was declared
/// dead while the call waited;</item>
/// <item>in a stand-alone gateway, a silo was lost while the call was in flight (<see cref="SiloLossSignal"/>): the call
/// may have been relayed to that silo, and would otherwise wait out the whole response timeout. It is abandoned (its
/// late answer, if any, is dropped) and sent again.</item>
/// </list>
/// Every method of the API is safe to send again after UNAVAILABLE (a booking keeps its request_id), so the API doing it
/// is no less safe than the caller doing it. Runs inside <see cref="ErrorMappingInterceptor"/>, which maps what is left.
/// </summary>
public sealed partial class ClusterRetryInterceptor(
    PlaneringClusterOptions cluster, ILogger<ClusterRetryInterceptor> logger, TimeProvider clock, IServiceProvider services) : Interceptor
{
    private readonly SiloLossSignal? _siloLoss = services.GetService<SiloLossSignal>();

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(400);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = clock.GetTimestamp();
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var lost = _siloLoss?.Token ?? CancellationToken.None;
            var call = continuation(request, context);
            try
            {
                return await call.WaitAsync(lost);
            }
            catch (OrleansMessageRejectionException rejection) when (MayRetry(context, started, backoff))
            {
                LogRetry(logger, context.Method, attempt, rejection.Message);
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested && !call.IsCompleted)
            {
                // The abandoned call still ends by itself (at the latest at the response timeout); observe its fault.
                _ = call.ContinueWith(static abandoned => abandoned.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                if (!MayRetry(context, started, backoff))
                {
                    throw new TimeoutException("a silo was lost while the call was in flight");
                }

                LogRetry(logger, context.Method, attempt, "a silo was lost while the call was in flight");
            }

            await Task.Delay(backoff, clock, context.CancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private bool MayRetry(ServerCallContext context, long started, TimeSpan backoff)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return !context.CancellationToken.IsCancellationRequested
            && clock.GetElapsedTime(started) + backoff < cluster.RetryWindow
            && context.Deadline - now > backoff;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method}: attempt {Attempt} found a silo gone ({Detail}); trying again")]
    private static partial void LogRetry(ILogger logger, string method, int attempt, string detail);
}
