using System.Globalization;
using System.Text;
using Grpc.Core;
using Planering.Bench.Echo;
using Planering.Bench.Hosting;
using Planering.Contracts.V1;

namespace Planering.Bench.Load;

/// <summary>
/// The figure that defines this machine's limit: in one run, the same load generator drives (a) a bare gRPC echo
/// hosted like the gateway and (b) FindNextSlot through the co-hosted gateway into the grains, at each caller count.
/// The two alternate, so both see the same machine.
/// </summary>
public sealed class SideBySide(EchoHost echo, PlaneringInstance planering, FindNextSlotWorkload workload, int connections)
{
    /// <summary>The target: FindNextSlot at 32 callers answers at least this share of the echo's throughput…</summary>
    public const double TargetRatio = 0.6;

    /// <summary>…with a p99 no worse than this.</summary>
    public const double TargetP99Ms = 10;

    public const int TargetCallers = 32;

    /// <summary>Long enough that a gRPC call's deadline never ends a healthy run; short enough that a stuck one fails.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<(LoadResult Echo, LoadResult FindNextSlot)>> RunAsync(IEnumerable<int> callerCounts, TimeSpan warmUp, TimeSpan duration, TextWriter log)
    {
        // The echo gets the same bearer header (and ignores it), so both sides send the same bytes per call; checking
        // the token is part of what a FindNextSlot costs.
        using var echoChannels = new LoadChannels(echo.Address, planering.Token, connections);
        using var planeringChannels = new LoadChannels(planering.Address, planering.Token, connections);
        var echoClients = Enumerable.Range(0, connections).Select(i => new EchoService.EchoServiceClient(echoChannels.For(i))).ToArray();
        var schedulingClients = Enumerable.Range(0, connections).Select(i => new SchedulingService.SchedulingServiceClient(planeringChannels.For(i))).ToArray();
        var message = new EchoMessage { Text = "kvalitetsdialog" };

        var results = new List<(LoadResult, LoadResult)>();
        foreach (var callers in callerCounts)
        {
            var a = await LoadGenerator.RunAsync(
                LoadPlan.Timed("gRPC echo", callers, warmUp, duration),
                (caller, _) => echoClients[caller % connections].EchoAsync(message, deadline: Deadline()).ResponseAsync);
            log.WriteLine(Describe(a));
            var b = await LoadGenerator.RunAsync(
                LoadPlan.Timed("gRPC FindNextSlot", callers, warmUp, duration),
                (caller, sequence) => schedulingClients[caller % connections].FindNextSlotAsync(workload.For(sequence), deadline: Deadline()).ResponseAsync);
            log.WriteLine(Describe(b));
            results.Add((a, b));
        }

        return results;
    }

    public static string Describe(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-14} {r.Callers,3} callers: {r.CallsPerSecond,9:F0} calls/s  p50 {r.P50Ms:F2} ms  p90 {r.P90Ms:F2} ms  p99 {r.P99Ms:F2} ms  max {r.MaxMs:F1} ms  cpu {r.CpuMicrosecondsPerCall:F0} µs/call  ({r.Calls} calls, {r.Failures} failed{(r.FirstFailure is null ? string.Empty : ": " + r.FirstFailure)})");

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;
}
