using System.Globalization;

namespace Planering.Bench.Scale;

/// <summary>What activating a large register on one silo cost.</summary>
public sealed record ScaleResult(
    int Count,
    TimeSpan UpsertTime,
    int SingleActivations,
    TimeSpan SingleTime,
    int ParallelActivations,
    TimeSpan ParallelTime,
    int ActiveBefore,
    int ActiveAfter,
    long HeapBeforeBytes,
    long HeapAfterBytes,
    long WorkingSetBytes)
{
    public double BytesPerActivation => (HeapAfterBytes - HeapBeforeBytes) / (double)Count;

    public double SingleMsPerActivation => SingleTime.TotalMilliseconds / SingleActivations;

    public double ParallelActivationsPerSecond => ParallelActivations / ParallelTime.TotalSeconds;

    public double UpsertMs => UpsertTime.TotalMilliseconds / Math.Max(1, Count);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} huvudman activations: {BytesPerActivation / 1024:F2} KiB each on the managed heap ({HeapBeforeBytes / 1048576.0:F0} → {HeapAfterBytes / 1048576.0:F0} MiB), "
        + $"{SingleMsPerActivation:F2} ms each one at a time, {ParallelActivationsPerSecond:F0}/s with {ActivationScale.Parallelism} in flight; active huvudman grains {ActiveBefore} → {ActiveAfter}");
}
