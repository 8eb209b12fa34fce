using System.Diagnostics;
using Grpc.Core;

namespace Planering.Bench.Load;

/// <summary>
/// Drives one async call with N concurrent callers (see <see cref="LoadPlan"/>) and stops by itself. Each caller
/// records its own latencies, so the hot path shares nothing but the stop condition.
/// </summary>
public static class LoadGenerator
{
    /// <param name="call">One call: the caller's number and a sequence number unique within the run.</param>
    public static async Task<LoadResult> RunAsync(LoadPlan plan, Func<int, long, Task> call)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Callers, 1);
        if (plan.WarmUp > TimeSpan.Zero)
        {
            await RunPhaseAsync(plan.Callers, plan.WarmUp, requests: null, call, sequenceBase: 0);
        }

        var phase = await RunPhaseAsync(plan.Callers, plan.Duration, plan.Requests, call, sequenceBase: 1L << 40);
        var all = phase.Latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        var toMs = 1000.0 / Stopwatch.Frequency;
        return new LoadResult(
            plan.Name, plan.Callers, all.Length, phase.Failures, phase.Seconds, phase.CpuSeconds,
            Percentile(all, 0.50) * toMs, Percentile(all, 0.90) * toMs, Percentile(all, 0.99) * toMs,
            all.Length == 0 ? double.NaN : all[^1] * toMs, phase.FirstFailure);
    }

    private static async Task<Phase> RunPhaseAsync(int callers, TimeSpan duration, long? requests, Func<int, long, Task> call, long sequenceBase)
    {
        var latencies = Enumerable.Range(0, callers).Select(_ => new List<long>(requests is { } r ? (int)Math.Min(r / callers + 1, 1 << 20) : 1 << 16)).ToArray();
        long failures = 0;
        long issued = 0;
        string? firstFailure = null;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();

        // The budget is taken one ticket per call, so a counted run makes exactly that many calls however the callers race.
        bool Next(out long sequence)
        {
            sequence = Interlocked.Increment(ref issued);
            return (requests is null || sequence <= requests) && stopwatch.Elapsed < duration;
        }

        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller];
            while (Next(out var sequence))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(caller, sequenceBase + sequence);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                }
                catch (RpcException failure)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, $"{failure.StatusCode}: {failure.Status.Detail}", null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        return new Phase(latencies, failures, seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, firstFailure);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(long[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record Phase(List<long>[] Latencies, long Failures, double Seconds, double CpuSeconds, string? FirstFailure);
}
