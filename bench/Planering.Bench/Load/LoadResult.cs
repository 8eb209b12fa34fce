namespace Planering.Bench.Load;

/// <summary>What one load run measured: throughput and latency percentiles over the measured window.</summary>
public sealed record LoadResult(string Name, int Callers, long Calls, long Failures, double Seconds, double P50Ms, double P90Ms, double P99Ms)
{
    public double CallsPerSecond => Calls / Seconds;
}
