namespace Planering.Bench.Load;

/// <summary>What one load run measured over its measured window: throughput, latency percentiles, failures.</summary>
/// <param name="CpuSeconds">CPU time this process (client and server together) used in the measured window.</param>
/// <param name="FirstFailure">The status and message of the first failed call, to tell what went wrong; null when none failed.</param>
public sealed record LoadResult(
    string Name, int Callers, long Calls, long Failures, double Seconds, double CpuSeconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs, string? FirstFailure)
{
    /// <summary>Answered calls per second; failed calls do not count.</summary>
    public double CallsPerSecond => Calls / Seconds;

    /// <summary>
    /// CPU per answered call, in microseconds. Unlike calls/s it hardly depends on what else the shared machine runs, so
    /// it is the steadier way to compare two services measured at different moments.
    /// </summary>
    public double CpuMicrosecondsPerCall => CpuSeconds * 1e6 / Calls;
}
