using Grpc.Core;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.Grains.Forecasting;
using Xunit.Abstractions;

namespace Planering.Cluster.Tests;

/// <summary>
/// Issue 19.3, "a watcher never misses a change for good": the silo holding the forecast grain is killed while a watcher
/// watches through a stand-alone gateway. The grain comes back on the survivor with nothing of its memory; a plan change
/// made afterwards must still reach the watcher as a forecast newer than every one it saw before the kill.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class WatcherResyncTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_watcher_gets_the_next_change_after_the_forecast_grains_silo_is_killed()
    {
        var database = await postgres.SeededDatabaseAsync();
        var clusterId = $"watch-{Guid.NewGuid():N}";

        // The victim starts alone, so the forecast grain it computes first is placed on it.
        await using var victimProcess = SiloProcess.Start(database, clusterId);
        await victimProcess.WaitForApiAsync(TimeSpan.FromSeconds(60));
        await new ForecastService.ForecastServiceClient(victimProcess.Channel).GetCapacityForecastAsync(new GetCapacityForecastRequest());
        await using var survivor = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await survivor.WaitForActiveSilosAsync(2);
        await using var gateway = await Node.StartGatewayAsync(database, clusterId);
        var forecastSilo = await survivor.WhereIsAsync(survivor.Grains.GetGrain<IForecastGrain>(PlanEvents.NationalKey));
        Assert.Equal(victimProcess.SiloPort, forecastSilo?.Endpoint.Port);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        using var watch = new ForecastService.ForecastServiceClient(gateway.Channel).WatchCapacityForecast(new WatchCapacityForecastRequest(), cancellationToken: deadline.Token);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        var seen = watch.ResponseStream.Current.Version;

        // Changes before the kill move the victim's versions on, as a long-running cluster's would have.
        var officeId = $"watch-{Guid.NewGuid():N}"[..20];
        var huvudman = await SchedulingArrange.OfficeWithHuvudmanAsync(gateway.Registry, officeId, "1280", advisors: 2, huvudman: 3);
        var caller = new RetryingCaller(new CallLedger(), attemptDeadline: TimeSpan.FromSeconds(10), budget: TimeSpan.FromSeconds(60));
        await BookAsync(caller, gateway, huvudman[0], officeId);
        seen = await NextNewerAsync(watch, seen, deadline.Token);
        output.WriteLine($"before the kill the watcher has version {seen}");

        await victimProcess.KillAsync();
        await BookAsync(caller, gateway, huvudman[1], officeId);
        var after = await NextNewerAsync(watch, seen, deadline.Token);
        output.WriteLine($"after the kill and a booking the watcher got version {after}");

        Assert.True(after > seen);
        Assert.NotEqual(victimProcess.SiloPort, (await survivor.WhereIsAsync(survivor.Grains.GetGrain<IForecastGrain>(PlanEvents.NationalKey)))?.Endpoint.Port);
    }

    /// <summary>Reads the watch until a forecast newer than <paramref name="than"/> arrives; the deadline fails the test otherwise.</summary>
    private static async Task<long> NextNewerAsync(AsyncServerStreamingCall<CapacityForecast> watch, long than, CancellationToken deadline)
    {
        while (await watch.ResponseStream.MoveNext(deadline))
        {
            if (watch.ResponseStream.Current.Version > than)
            {
                return watch.ResponseStream.Current.Version;
            }
        }

        throw new Xunit.Sdk.XunitException("the watch ended");
    }

    private static async Task BookAsync(RetryingCaller caller, Node gateway, string huvudman, string officeId)
    {
        var found = await caller.CallAsync("FindNextSlot", o => gateway.Scheduling.FindNextSlotAsync(SchedulingArrange.Find(huvudman, officeId, SchedulingArrange.QuietAutumnMonday), o));
        Assert.Equal(Outcome.Ok, found.Outcome);
        var request = new BookDialogueRequest { RequestId = $"watch-{huvudman}", HuvudmanId = huvudman, Slot = found.Value!.Slot };
        var booked = await caller.CallAsync("BookDialogue", o => gateway.Scheduling.BookDialogueAsync(request, o));
        Assert.Equal(Outcome.Ok, booked.Outcome);
    }
}
