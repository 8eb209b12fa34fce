namespace Planering.Bench.Load;

/// <summary>What one load run measured over its measured window: throughput, latency percentiles, failures.</summary>
/// <param name="FirstFailure">The status and message of the first failed call, to tell what went wrong; null when none failed.</param>
public sealed record LoadResult(
    string Name, int Callers, long Calls, long Failures, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs, string? FirstFailure)
{
    /// <summary>Answered calls per second; failed calls do not count.</summary>
    public double CallsPerSecond => Calls / Seconds;
}
