using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Timing;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;
using Planering.TestSupport;
using ErrorCode = Planering.Domain.Errors.ErrorCode;

namespace Planering.Grains.Tests;

/// <summary>
/// What the grains do when time passes, driven by the cluster's fake clock: nothing here sleeps. Orleans runs a grain
/// timer's tick as a message to the grain, queued while <c>Advance</c> runs, so a call made after advancing is answered
/// after any tick that came due (or, for a call that interleaves, while it runs: those tests wait for its end).
/// Grain work that is announced only in the log is awaited there, with a bound of real time that only a broken
/// grain reaches.
/// </summary>
internal static class Clocked
{
    public static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static IReadOnlyList<AdvisorRecord> Staff(string officeId, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new AdvisorRecord($"{officeId}-{i}", $"Rådgivare {i}", 1.0, Weekdays, []))];

    /// <summary>An office with two advisors (a dialogue's team), opened through its grain as the API does it.</summary>
    public static async Task<string> OpenOfficeAsync(IGrainFactory grains, string name, string kommunkod)
    {
        var officeId = TestKeys.OfficeId(name.ToLowerInvariant());
        var office = grains.GetGrain<IRegionalOfficeGrain>(officeId);
        await office.UpsertAsync(new OfficeUpsert(name, kommunkod, null, null));
        await office.SetStaffingAsync(Staff(officeId, 2));
        return officeId;
    }

    /// <summary>Waits, within <see cref="Patience"/> of real time, until the condition holds: for work to end, never for time to pass.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"{what} did not happen within {Patience}");
            }

            await Task.Delay(20);
        }
    }
}

[Collection(PlanningClock.Name)]
public sealed class PlanningTimerTests(PlanningClockFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private IPlanningGrain Planning => Grains.GetGrain<IPlanningGrain>(GrainKeys.Sweden);

    private static bool IsRebalanced(LogEntry entry) => entry.Message.StartsWith("Rebalanced ", StringComparison.Ordinal);

    /// <summary>Lets a re-solve an earlier test left due run to its end, so this test counts only its own.</summary>
    private async Task SettleAsync()
    {
        fixture.Time.Advance(PlanningGrain.RebalanceDelay);
        await Clocked.UntilAsync(async () => !await Planning.RebalancePendingAsync(), "the pending re-solve");
    }

    [Fact]
    public async Task Office_changes_re_solve_the_plan_once_when_the_clock_reaches_the_debounce_after_the_first_change()
    {
        await SettleAsync();
        await Clocked.OpenOfficeAsync(Grains, "Kiruna", "2584");
        await SettleAsync();
        var huvudman = await Grains.GetGrain<IHuvudmanGrain>(TestKeys.OrganisationNumber())
            .UpsertAsync(new HuvudmanUpsert("Tidskolan AB", HuvudmanType.Independent, "1280", null, 300, false));
        // Nearest of the staffed offices (Kiruna, or a northern one the scenario test opened).
        var placed = await Grains.OfficeOfAsync(huvudman);
        Assert.NotNull(placed);
        var resolved = fixture.Logs.Count(IsRebalanced);

        // A burst: the office, then its staff. The Malmö huvudman's nearest office is now over 1,000 km nearer.
        var malmo = await Clocked.OpenOfficeAsync(Grains, "Malmo", "1280");
        Assert.True(await Planning.RebalancePendingAsync());

        fixture.Time.Advance(PlanningGrain.RebalanceDelay - Clocked.Tick);
        Assert.True(await Planning.RebalancePendingAsync());
        Assert.Equal(placed, await Grains.OfficeOfAsync(huvudman));
        Assert.Equal(resolved, fixture.Logs.Count(IsRebalanced));

        // A change late in the burst does not postpone the re-solve: it runs RebalanceDelay after the first change.
        await Grains.GetGrain<IRegionalOfficeGrain>(malmo).SetStaffingAsync(Clocked.Staff(malmo, 3));

        fixture.Time.Advance(Clocked.Tick);
        await Clocked.UntilAsync(async () => !await Planning.RebalancePendingAsync(), "the debounced re-solve");
        Assert.Equal(malmo, await Grains.OfficeOfAsync(huvudman));
        Assert.Equal(resolved + 1, fixture.Logs.Count(IsRebalanced));

        // Nothing else was due: more time re-solves nothing more.
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await Planning.RebalancePendingAsync());
        Assert.Equal(resolved + 1, fixture.Logs.Count(IsRebalanced));
    }

    [Fact]
    public async Task A_scenario_commits_until_its_lifetime_is_over_and_is_refused_one_tick_later_changing_nothing()
    {
        await SettleAsync();
        await Clocked.OpenOfficeAsync(Grains, "Lulea", "2580");
        await Grains.GetGrain<IHuvudmanGrain>(TestKeys.OrganisationNumber())
            .UpsertAsync(new HuvudmanUpsert("Utgångsskolan AB", HuvudmanType.Independent, "2581", null, 250, false));
        var inTime = TestKeys.OfficeId("umea");
        var late = TestKeys.OfficeId("skelleftea");
        var first = Grains.GetGrain<IScenarioGrain>(Guid.NewGuid());
        var second = Grains.GetGrain<IScenarioGrain>(Guid.NewGuid());
        var simulated = await first.SimulateOpenOfficeAsync(new OfficeSpec(inTime, "Umeå", "2480", null, Clocked.Staff(inTime, 2), null));
        await second.SimulateOpenOfficeAsync(new OfficeSpec(late, "Skellefteå", "2482", null, Clocked.Staff(late, 2), null));
        Assert.Equal(fixture.Time.GetUtcNow() + ScenarioGrain.Lifetime, simulated.ExpiresAt);

        // At the expiry instant itself the scenario still commits.
        fixture.Time.Advance(simulated.ExpiresAt - fixture.Time.GetUtcNow());
        await first.CommitAsync();
        Assert.Equal(inTime, (await Grains.GetGrain<IRegionalOfficeGrain>(inTime).GetAsync()).OfficeId);

        fixture.Time.Advance(Clocked.Tick);
        var expired = await Assert.ThrowsAsync<PlaneringException>(second.CommitAsync);
        Assert.Equal((ErrorCode.RuleViolation, "SCENARIO_EXPIRED"), (expired.Code, expired.Reason));
        var missing = await Assert.ThrowsAsync<PlaneringException>(Grains.GetGrain<IRegionalOfficeGrain>(late).GetAsync);
        Assert.Equal(ErrorCode.NotFound, missing.Code);

        // A scenario committed in time stays committed: committing it again answers the plan, expired or not.
        await first.CommitAsync();
    }
}

[Collection(ForecastClock.Name)]
public sealed class ForecastTimerTests(ForecastClockFixture fixture)
{
    private IForecastGrain Forecast => fixture.Grains.GetGrain<IForecastGrain>(PlanEvents.NationalKey);

    /// <summary>
    /// Moves the clock in steps of the stream pump until the forecast grain has seen the <paramref name="nth"/> change of
    /// this kind from this office (its Debug line), and returns that line: when it was seen, what it did, when the
    /// recomputation is due. Each step is far smaller than the debounce, and the tests leave a margin for the steps.
    /// </summary>
    private async Task<LogEntry> DeliverAsync(string trigger, string officeId, int nth)
    {
        bool Match(LogEntry e) => e.Message.StartsWith($"Plan change '{trigger}' (office {officeId}) seen", StringComparison.Ordinal);
        var until = DateTime.UtcNow + Clocked.Patience;
        while (true)
        {
            if (fixture.Logs.Find(Match, nth) is { } seen)
            {
                return seen;
            }

            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"the forecast never saw change #{nth} '{trigger}' of {officeId}");
            }

            fixture.Time.Advance(ClusterFixture.StreamPump);
            await Task.Delay(10);
        }
    }

    private static DateTimeOffset SeenAt(LogEntry seen) => seen.Value<DateTimeOffset>("Now");

    private static DebounceStep Step(LogEntry seen) => seen.Value<DebounceStep>("Step");

    private static DateTimeOffset Due(LogEntry seen) => seen.Value<DateTimeOffset>("Due");

    private void AdvanceTo(DateTimeOffset at) => fixture.Time.Advance(at - fixture.Time.GetUtcNow());

    /// <summary>A staffed office whose changes this test makes, and a live forecast with nothing pending.</summary>
    private async Task<(IRegionalOfficeGrain Office, string OfficeId, ForecastRecord Live)> ArrangeAsync()
    {
        var officeId = TestKeys.OfficeId("forecast");
        var office = fixture.Grains.GetGrain<IRegionalOfficeGrain>(officeId);
        await office.UpsertAsync(new OfficeUpsert("Prognoskontoret", "0380", null, null));
        await office.SetStaffingAsync(Clocked.Staff(officeId, 2));
        await DeliverAsync("staffing-changed", officeId, 1);
        fixture.Time.Advance(ForecastGrain.MaxDebounce);
        var live = await Forecast.GetLiveAsync();
        Assert.Equal(fixture.Time.GetUtcNow(), live.ComputedAt);
        return (office, officeId, live);
    }

    [Fact]
    public async Task A_change_recomputes_the_live_forecast_one_debounce_after_the_last_change_of_its_burst()
    {
        var (office, officeId, before) = await ArrangeAsync();

        await office.SetStaffingAsync(Clocked.Staff(officeId, 1));
        var first = await DeliverAsync("staffing-changed", officeId, 2);
        Assert.Equal((DebounceStep.Armed, SeenAt(first) + ForecastGrain.DebounceDelay), (Step(first), Due(first)));

        // A second change shortly before the first would have fired moves the recomputation one debounce past itself.
        AdvanceTo(Due(first) - TimeSpan.FromMilliseconds(100));
        Assert.Equal(before.Version, (await Forecast.GetLiveAsync()).Version);
        await office.UpsertAsync(new OfficeUpsert("Prognoskontoret", "0380", new GeoPoint(59.9, 17.6), null));
        var second = await DeliverAsync("office-changed", officeId, 2);
        Assert.True(SeenAt(second) < Due(first));
        Assert.Equal((DebounceStep.Postponed, SeenAt(second) + ForecastGrain.DebounceDelay), (Step(second), Due(second)));

        AdvanceTo(Due(first));
        Assert.Equal(before.Version, (await Forecast.GetLiveAsync()).Version);
        AdvanceTo(Due(second) - Clocked.Tick);
        Assert.Equal(before.Version, (await Forecast.GetLiveAsync()).Version);

        fixture.Time.Advance(Clocked.Tick);
        var after = await Forecast.GetLiveAsync();
        Assert.True(after.Version > before.Version);
        Assert.Equal(Due(second), after.ComputedAt);
        // One recomputation names every change it coalesced, each once, in order.
        Assert.Equal("staffing-changed,office-changed", after.Trigger);
    }

    [Fact]
    public async Task A_steady_stream_of_changes_cannot_postpone_the_live_forecast_past_the_cap()
    {
        var (office, officeId, before) = await ArrangeAsync();

        // Changes about 0.8 s apart, each closer than the debounce, until one would move the recomputation to the cap.
        var seen = new List<LogEntry>();
        while (seen.Count == 0 || Step(seen[^1]) != DebounceStep.Kept)
        {
            Assert.True(seen.Count < 20, "no change was ever kept from postponing the recomputation");
            if (seen.Count > 0)
            {
                fixture.Time.Advance(TimeSpan.FromMilliseconds(800));
            }

            await office.SetStaffingAsync(Clocked.Staff(officeId, 1 + (seen.Count % 2)));
            seen.Add(await DeliverAsync("staffing-changed", officeId, seen.Count + 2));
            Assert.Equal(before.Version, (await Forecast.GetLiveAsync()).Version);
        }

        var start = SeenAt(seen[0]);
        Assert.Equal([DebounceStep.Armed, .. Enumerable.Repeat(DebounceStep.Postponed, seen.Count - 2), DebounceStep.Kept], seen.Select(Step));
        var kept = seen[^1];
        // The kept change came before the recomputation was due; without the cap it would have postponed it to here:
        Assert.True(SeenAt(kept) < Due(kept));
        Assert.True(SeenAt(kept) + ForecastGrain.DebounceDelay - start >= ForecastGrain.MaxDebounce);

        AdvanceTo(Due(kept));
        var after = await Forecast.GetLiveAsync();
        Assert.True(after.Version > before.Version);
        Assert.Equal(Due(kept), after.ComputedAt);
        Assert.True(after.ComputedAt - start < ForecastGrain.MaxDebounce);
    }
}
