using System.Globalization;
using Planering.Bench.Echo;
using Planering.Bench.Forecasting;
using Planering.Bench.Hosting;
using Planering.Bench.Load;
using Planering.Bench.Scale;
using Planering.Bench.Scheduling;
using Planering.Contracts.V1;
using Planering.Domain.Forecasting;

namespace Planering.Bench;

/// <summary>
/// Every section once and tiny, so CI knows the benchmarks still run: a slot search, a small forecast, a few
/// load-generator calls against an echo host and against FindNextSlot on a seeded host, and a small activation run.
/// Measures nothing worth reporting; writes what it saw.
/// </summary>
public static class Smoke
{
    public static async Task<SmokeResult> RunAsync(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);

        // Each line carries the time since the start, so a slow CI run shows which step was slow.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Say(string line) => log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,5:F1} s] smoke: {line}"));

        var slots = new SlotSearchBenchmarks();
        slots.Setup();
        var slot = slots.FullYear();
        Say(string.Create(CultureInfo.InvariantCulture, $"slot-search on a booked year -> {slot?.Date:yyyy-MM-dd}"));

        var replay = Sections.CalibrationSection.Replay(Planering.Domain.Calibration.ReplayScenario.FirstYear with { Months = 3 }, Planering.Domain.Workload.WorkloadOptions.Default);
        Say(string.Create(CultureInfo.InvariantCulture, $"calibration replay of 3 months -> {replay.Held} dialogues held"));

        var forecast = CapacityForecaster.Run(NationalForecastScenario.Build(paths: 100, horizonMonths: 3));
        Say(string.Create(CultureInfo.InvariantCulture, $"forecast of {forecast.Offices.Count} offices, national demand month 0 = {forecast.National.Months[0].DemandHours.Mean:F0} h"));

        LoadResult echoLoad;
        await using (var echo = await EchoHost.StartAsync())
        {
            using var channels = new LoadChannels(echo.Address, null, 2);
            var clients = new[] { new EchoService.EchoServiceClient(channels.For(0)), new EchoService.EchoServiceClient(channels.For(1)) };
            echoLoad = await LoadGenerator.RunAsync(LoadPlan.Counted("echo", 2, 20, TimeSpan.Zero),
                (caller, _) => clients[caller].EchoAsync(new EchoMessage { Text = "smoke" }).ResponseAsync);
        }

        Say(SideBySide.Describe(echoLoad));

        await using var planering = await PlaneringInstance.StartAsync();
        Say("a seeded host is up");
        using var planeringChannels = new LoadChannels(planering.Address, planering.Token, 1);
        var scheduling = new SchedulingService.SchedulingServiceClient(planeringChannels.For(0));
        var workload = FindNextSlotWorkload.Digital(DateOnly.FromDateTime(DateTime.UtcNow));
        var findLoad = await LoadGenerator.RunAsync(LoadPlan.Counted("FindNextSlot", 2, 20, TimeSpan.Zero),
            (_, sequence) => scheduling.FindNextSlotAsync(workload.For(sequence)).ResponseAsync);
        Say(SideBySide.Describe(findLoad));
        var answer = await scheduling.FindNextSlotAsync(workload.For(0));
        Say(string.Create(CultureInfo.InvariantCulture, $"FindNextSlot for {workload.For(0).HuvudmanId} -> {answer.Slot?.OfficeId} {answer.Slot?.Date} {answer.Slot?.LocalStart}"));

        var scale = await ActivationScale.RunAsync(planering, SyntheticRegister.Huvudman(100).ToList(), log);
        var sizes = StateSizes.Read(planering.DatabasePath);
        Say(string.Create(CultureInfo.InvariantCulture, $"stored state of {sizes.Count} grain types, {sizes.Sum(s => s.Count)} rows"));

        return new SmokeResult(slot?.Date, forecast.Offices.Count, echoLoad, findLoad, answer.Slot, scale, sizes);
    }
}
