using Grpc.Core;

namespace Planering.Gateway.Errors;

/// <summary>
/// When a call reached the API: set once by <see cref="ClusterRetryInterceptor"/> before the first attempt, so a handler
/// that runs again (after a silo's loss) still knows the call's own arrival, not its retry's. BookDialogue tells a
/// replay by it: a dialogue booked before the call arrived was booked by an earlier call with the same request_id.
/// </summary>
public static class CallArrival
{
    private const string Key = "planering.call-arrival";

    public static void Mark(ServerCallContext context, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        context.UserState.TryAdd(Key, clock.GetUtcNow());
    }

    public static DateTimeOffset Of(ServerCallContext context, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        return context.UserState.TryGetValue(Key, out var arrival) && arrival is DateTimeOffset at ? at : clock.GetUtcNow();
    }
}
