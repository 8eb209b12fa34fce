namespace Planering.Gateway.Hosting;

/// <summary>
/// Lets a stand-alone gateway in <c>AdoNet</c> mode start before the silos have registered (compose starts them side by
/// side): it keeps trying to reach the cluster for a bounded time, then gives up so the failure is visible.
/// </summary>
public sealed partial class ClusterConnectRetry(TimeProvider clock, ILogger<ClusterConnectRetry> logger) : IClientConnectionRetryFilter
{
    /// <summary>How long a starting gateway waits for the first silo; a silo's first start (schema, seeding) fits well inside.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    private long? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _firstFailure ??= clock.GetTimestamp();
        var waited = clock.GetElapsedTime(_firstFailure.Value);
        if (waited >= Patience)
        {
            LogGivingUp(logger, waited.TotalSeconds, exception.Message);
            return false;
        }

        LogRetrying(logger, waited.TotalSeconds, exception.Message);
        await Task.Delay(Pause, clock, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the cluster answered yet ({Seconds:F0} s): {Reason}; trying again")]
    private static partial void LogRetrying(ILogger logger, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No silo of the cluster answered within {Seconds:F0} s: {Reason}")]
    private static partial void LogGivingUp(ILogger logger, double seconds, string reason);
}
