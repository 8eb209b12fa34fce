using System.Diagnostics;

namespace Planering.Bench.Load;

/// <summary>
/// Drives one async call with N concurrent callers: a warm-up, then a fixed measured duration. Each caller records
/// its own latencies (no shared lock on the hot path); the run stops by itself when the duration ends.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(string name, int callers, TimeSpan warmUp, TimeSpan duration, Func<int, Task> call)
    {
        await RunPhaseAsync(callers, warmUp, call, record: false);
        var (latencies, failures, seconds) = await RunPhaseAsync(callers, duration, call, record: true);

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(name, callers, all.Length, failures, seconds, Percentile(all, 0.50), Percentile(all, 0.90), Percentile(all, 0.99));
    }

    private static async Task<(List<double>[] Latencies, long Failures, double Seconds)> RunPhaseAsync(int callers, TimeSpan duration, Func<int, Task> call, bool record)
    {
        var latencies = Enumerable.Range(0, callers).Select(_ => new List<double>(100_000)).ToArray();
        long failures = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller];
            var sequence = 0;
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(caller * 1_000_000 + sequence++);
                    if (record)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return (latencies, failures, stopwatch.Elapsed.TotalSeconds);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
