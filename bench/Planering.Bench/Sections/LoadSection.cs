using System.Globalization;
using System.Text;
using Planering.Bench.Hosting;
using Planering.Bench.Load;
using Planering.Bench.Reporting;
using Planering.Contracts.V1;

namespace Planering.Bench.Sections;

/// <summary>
/// The gRPC side-by-side (echo ceiling vs FindNextSlot through the co-hosted gateway) and the breakdown of where a
/// FindNextSlot's time goes; renders both with the target stated as met or missed.
/// </summary>
public static class LoadSection
{
    public const string Title = "gRPC load: the echo ceiling vs FindNextSlot through the gateway";

    /// <summary>
    /// HTTP/2 connections the callers share. Two, one per core: Kestrel serves a connection's frames in order, so a
    /// single connection would make the ceiling a property of one connection rather than of the machine.
    /// </summary>
    public const int Connections = 2;

    public static async Task<string> RunAsync(bool quick, TextWriter log)
    {
        var rounds = quick ? 1 : 3;
        var warmUp = TimeSpan.FromSeconds(quick ? 1 : 2);
        var duration = TimeSpan.FromSeconds(quick ? 3 : 8);

        await using var echo = await EchoHost.StartAsync();
        await using var planering = await PlaneringInstance.StartAsync();
        using var probeChannel = new LoadChannels(planering.Address, planering.Token, 1);
        var workload = await FindNextSlotWorkload.CreateAsync(new SchedulingService.SchedulingServiceClient(probeChannel.For(0)), DateOnly.FromDateTime(DateTime.UtcNow));

        var sideBySide = new SideBySide(echo, planering, workload, Connections);
        var points = new List<(int Round, LoadResult Echo, LoadResult FindNextSlot)>();
        for (var round = 1; round <= rounds; round++)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: round {round} of {rounds}"));
            points.AddRange((await sideBySide.RunAsync([SideBySide.TargetCallers, 1], warmUp, duration, log)).Select(p => (round, p.Echo, p.FindNextSlot)));
        }

        var breakdown = await new GrainPathBreakdown(planering, workload).RunAsync(SideBySide.TargetCallers, warmUp, duration, log);
        return Render(points, breakdown, workload, rounds, warmUp, duration);
    }

    private static string Render(
        List<(int Round, LoadResult Echo, LoadResult FindNextSlot)> points, IReadOnlyList<LoadResult> breakdown,
        FindNextSlotWorkload workload, int rounds, TimeSpan warmUp, TimeSpan duration)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            Target at {SideBySide.TargetCallers} concurrent callers: (b) FindNextSlot ≥ {SideBySide.TargetRatio} × (a) echo in throughput, and (b)'s p99 ≤ {SideBySide.TargetP99Ms} ms.

            Both servers run in this process on 127.0.0.1, Kestrel h2c, the echo with the gateway's interceptor; (b) is the real
            `PlaneringHost` (one silo, the API co-hosted, state in a temporary SQLite file) seeded with Sweden. One load generator
            drives both over {Connections} HTTP/2 connections; each caller sends its next call when the previous one answers. Each point:
            {warmUp.TotalSeconds:F0} s warm-up, {duration.TotalSeconds:F0} s measured; {rounds} round(s), each alternating (a) and (b), so both
            see the same machine. FindNextSlot requests: {workload.Count:N0} drawn (fixed seed) from the seeded huvudmän, half on site
            ({workload.DigitalOnly} huvudmän far from their office have no feasible on-site trip and ask digital), earliest date
            60–150 days ahead; every huvudman grain is activated before measuring.

            The shared machine's other work moves calls/s from minute to minute; the CPU this process spends per answered call
            (client and server together) moves much less, so the last column, the same ratio computed from CPU per call, is the
            steadier estimate of what (b)/(a) would be on a quiet machine.

            | round | callers | (a) echo calls/s | p50 ms | p90 ms | p99 ms | CPU/call | (b) FindNextSlot calls/s | p50 ms | p90 ms | p99 ms | CPU/call | failed | (b)/(a) calls/s | (b)/(a) by CPU |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            """);
        foreach (var (round, a, b) in points)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {round} | {a.Callers} | {Figures.Rate(a.CallsPerSecond)} | {Figures.Ms(a.P50Ms)} | {Figures.Ms(a.P90Ms)} | {Figures.Ms(a.P99Ms)} | {Micro(a.CpuMicrosecondsPerCall)} "
                + $"| {Figures.Rate(b.CallsPerSecond)} | {Figures.Ms(b.P50Ms)} | {Figures.Ms(b.P90Ms)} | {Figures.Ms(b.P99Ms)} | {Micro(b.CpuMicrosecondsPerCall)} "
                + $"| {a.Failures + b.Failures} | {Figures.Ratio(b.CallsPerSecond / a.CallsPerSecond)} | {Figures.Ratio(a.CpuMicrosecondsPerCall / b.CpuMicrosecondsPerCall)} |");
        }

        var at32 = points.Where(p => p.Echo.Callers == SideBySide.TargetCallers).ToList();
        var ratio = Median(at32.Select(p => p.FindNextSlot.CallsPerSecond / p.Echo.CallsPerSecond));
        var p99 = Median(at32.Select(p => p.FindNextSlot.P99Ms));
        var single = points.Where(p => p.Echo.Callers == 1).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- **{SideBySide.TargetCallers} callers** (median of the rounds): (b)/(a) = {Figures.Ratio(ratio)}, target ≥ {SideBySide.TargetRatio}: {Figures.Verdict(ratio >= SideBySide.TargetRatio)}; "
            + $"(b) p99 = {Figures.Ms(p99)} ms, target ≤ {SideBySide.TargetP99Ms} ms: {Figures.Verdict(p99 <= SideBySide.TargetP99Ms)}. "
            + $"By CPU per call (b)/(a) = {Figures.Ratio(Median(at32.Select(p => p.Echo.CpuMicrosecondsPerCall / p.FindNextSlot.CpuMicrosecondsPerCall)))}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- **1 caller**: (b)/(a) = {Figures.Ratio(Median(single.Select(p => p.FindNextSlot.CallsPerSecond / p.Echo.CallsPerSecond)))}, "
            + $"by CPU per call {Figures.Ratio(Median(single.Select(p => p.Echo.CpuMicrosecondsPerCall / p.FindNextSlot.CpuMicrosecondsPerCall)))}; "
            + $"(a) p99 {Figures.Ms(Median(single.Select(p => p.Echo.P99Ms)))} ms, (b) p99 {Figures.Ms(Median(single.Select(p => p.FindNextSlot.P99Ms)))} ms.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            ### Where a FindNextSlot's time goes

            A FindNextSlot is, inside the silo: the huvudman grain asks the planning grain for its office and the school-calendar
            grain for its kommun's lov, searches its own office, then lists the offices and searches the other five for an earlier
            alternative — nine grain calls and six slot searches. The same requests, layer by layer, with the same generator
            ({SideBySide.TargetCallers} callers for grain calls, one per core for the domain alone); CPU per call as above.

            | layer | callers | calls/s | p50 ms | p99 ms | CPU per call |
            |---|---:|---:|---:|---:|---:|
            """);
        foreach (var r in at32.Take(1).SelectMany(p => new[] { p.Echo, p.FindNextSlot }).Concat(breakdown))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Callers} | {Figures.Rate(r.CallsPerSecond)} | {Figures.Ms(r.P50Ms)} | {Figures.Ms(r.P99Ms)} | {Micro(r.CpuMicrosecondsPerCall)} |");
        }

        text.AppendLine();
        text.AppendLine(Findings);
        return text.ToString();
    }

    /// <summary>
    /// What profiling this path found, kept with the figures so a reader of a later run knows what was already tried.
    /// Dated: these sentences are not recomputed by the run.
    /// </summary>
    private const string Findings = """
        ### What the profile found (2026-11-23)

        - **Fixed:** the five alternative searches walked the whole 365-day horizon whenever an office could never fit the
          trip (on site, far away): 787 days examined per FindNextSlot against 2.5 for the search that found the slot. They
          now stop at the date found, since only an earlier slot can be an alternative (commit "FindNextSlot: search the
          other offices only up to the date found"; 4,096 responses byte-identical before and after). Back to back, 32
          callers: 1,121 → 415 µs CPU per gRPC FindNextSlot, 574 → 186 µs without gRPC, 602 → 1,253 calls/s.
        - **Left as is:** a fresh school calendar per search (the office grain builds one from the kommun's overrides) costs
          little once warm — the two domain rows above — so sharing one is not worth a change.
        - **Why the target stays out of reach:** a FindNextSlot is by design six slot searches and nine grain calls (its
          own office, the planning and calendar grains, the office directory, and every other office for an earlier
          alternative), and the gateway adds a gRPC call on top. The rows above add up to several echo calls' worth of
          CPU before any waiting, so (b)/(a) cannot come near 0.6 while every answer searches every office. Getting
          there is a design choice for scheduling — alternatives only on request, or each office publishing its earliest
          free day so that most offices need no search — not a small fix.
        - The p99 at 32 callers is mostly queueing: 32 callers share two cores with the silo, the gateway and the
          generator itself, so a call waits for about 32 × (CPU per call ÷ 2) before it is served.
        """;

    private static string Micro(double microseconds) => string.Create(CultureInfo.InvariantCulture, $"{microseconds:F0} µs");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
